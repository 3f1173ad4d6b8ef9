import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { CompaniesModule } from './companies/companies.module';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { DelegationsModule } from './delegations/delegations.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MatchingModule } from './matching/matching.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReportsModule } from './reports/reports.module';
import { ProgrammeModule } from './programme/programme.module';
import { PreferencesModule } from './preferences/preferences.module';
import { ConversationsModule } from './conversations/conversations.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { SeminarsModule } from './seminars/seminars.module';
import { PartnersModule } from './partners/partners.module';
import { RequestsModule } from './requests/requests.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { SessionsModule } from './sessions/sessions.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TeamsModule } from './teams/teams.module';
import { SettingsModule } from './users/settings.module';
import { UserAdminModule } from './users/user-admin.module';
import { UsersModule } from './users/users.module';

/** The API process: HTTP routes and the live gateway, one module per feature. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        RateLimitModule,
        UsersModule,
        UserAdminModule,
        SettingsModule,
        NotificationsModule,
        AuthModule,
        AccountsModule,
        CompaniesModule,
        TeamsModule,
        DelegationsModule,
        SessionsModule,
        MatchingModule,
        RequestsModule,
        PreferencesModule,
        ConversationsModule,
        OpportunitiesModule,
        SeminarsModule,
        FollowUpsModule,
        PartnersModule,
        SchedulingModule,
        MeetingsModule,
        ReportsModule,
        ProgrammeModule,
        JobsModule,
        HealthModule,
      ],
    };
  }
}
