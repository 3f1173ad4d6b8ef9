import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals } from './common/shutdown';
import { ConfigError, loadConfig } from './config/app-config';
import { WorkerModule } from './worker.module';

/** The worker process: BullMQ processors, no HTTP server. Closes its workers on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  closeOnSignals(
    app,
    (message) => app.get(Logger).log(message),
    (error) => app.get(Logger).error({ err: error }, 'shutdown failed'),
  );
  await app.init();
  app.get(Logger).log('Worker ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
