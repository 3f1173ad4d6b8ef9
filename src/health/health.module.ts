import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** `GET /api/health`: PostgreSQL and Redis, each up or down. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
