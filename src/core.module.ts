import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { QueuesModule } from './jobs/queues.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { RedisModule } from './redis/redis.module';

/** Secrets and personal data that never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.accessToken',
  '*.token',
];

/**
 * Query parameters that carry a credential: the calendar feed's `key`, and the `token` of the web
 * app's pages that account emails link to (`/reset-password?token=`, `/invitations/accept?token=`).
 */
const SECRET_QUERY_PARAMS = ['key', 'token'];

/** The URL with the value of every credential-carrying query parameter replaced. */
export function redactUrl(url: string): string {
  return url.replace(
    new RegExp(`([?&](?:${SECRET_QUERY_PARAMS.join('|')})=)[^&#]*`, 'g'),
    '$1[redacted]',
  );
}

/** pino-http's request serializer, after the standard one: no credential in `url` or `query`. */
function redactRequest(request: { url?: string; query?: Record<string, unknown> }): object {
  const query = request.query && { ...request.query };
  for (const name of SECRET_QUERY_PARAMS) if (query && name in query) query[name] = '[redacted]';
  return { ...request, url: request.url && redactUrl(request.url), query };
}

/**
 * What both processes share: configuration, logging, PostgreSQL, Redis and BullMQ. In the API
 * (`role: 'api'`) BullMQ's commands fail at once while Redis is away rather than wait in ioredis's
 * offline queue: a request that queues a job answers 503 (or logs and goes on, where a start-up
 * sweep makes up for it) instead of hanging, and nothing it gave up on is sent later.
 */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, role: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            serializers: { req: redactRequest },
            autoLogging: {
              // Load balancers poll health every few seconds; those lines say nothing.
              ignore: (request) =>
                /\/health\/?(\?|$)/.test(
                  (request as { originalUrl?: string }).originalUrl ?? request.url ?? '',
                ),
            },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500
                ? 'error'
                : response.statusCode >= 400
                  ? 'warn'
                  : 'info',
          },
        }),
        TypeOrmModule.forRoot(buildDataSourceOptions(config.databaseUrl)),
        RedisModule,
        BullModule.forRoot({
          connection: {
            url: config.redisUrl,
            maxRetriesPerRequest: null,
            enableOfflineQueue: role === 'worker',
          },
          prefix: `${config.redisPrefix}:bull`,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        }),
        QueuesModule,
      ],
      exports: [ConfigModule, TypeOrmModule, RedisModule, BullModule, QueuesModule],
    };
  }
}
