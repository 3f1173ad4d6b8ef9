import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { LiveModule } from '../live/live.module';
import { SessionsModule } from '../sessions/sessions.module';
import { PreferencesController } from './preferences.controller';
import { PreferencesService } from './preferences.service';

@Module({
  imports: [SessionsModule, CompaniesModule, LiveModule],
  controllers: [PreferencesController],
  providers: [PreferencesService],
})
export class PreferencesModule {}
