import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../src/app.setup';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { WorkerModule } from '../../src/worker.module';

/** The configuration of this test run (see global-setup), with optional overrides. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

/** The real API application, on Fastify, against the run's PostgreSQL and Redis. */
export async function startApi(overrides: NodeJS.ProcessEnv = {}): Promise<NestFastifyApplication> {
  const app = await createApiApp(testConfig(overrides));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The real worker (BullMQ processors) in this process. */
export async function startWorker(
  overrides: NodeJS.ProcessEnv = {},
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(testConfig(overrides)),
    {
      logger: false,
    },
  );
  await worker.init();
  return worker;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
