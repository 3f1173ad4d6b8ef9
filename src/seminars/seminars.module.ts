import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { SeminarReminders } from './seminar-reminders.service';
import { SeminarSeats } from './seminar-seats.service';
import { SeminarRegistration } from './seminar-registration.entity';
import { SeminarRegistrationsService } from './seminar-registrations.service';
import { Seminar } from './seminar.entity';
import { SeminarsController } from './seminars.controller';
import { SeminarsService } from './seminars.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Seminar, SeminarRegistration]),
    NotificationsModule,
    LiveModule,
  ],
  controllers: [SeminarsController],
  providers: [SeminarsService, SeminarRegistrationsService, SeminarReminders, SeminarSeats],
})
export class SeminarsModule {}
