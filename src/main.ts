import 'reflect-metadata';
import { createApiApp } from './app.setup';
import { Logger } from 'nestjs-pino';
import { closeOnSignals } from './common/shutdown';
import { ConfigError, loadConfig } from './config/app-config';

/** The API process: HTTP on Fastify (and socket.io beside it once the live gateway lands). */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  closeOnSignals(
    app,
    (message) => app.get(Logger).log(message),
    (error) => app.get(Logger).error({ err: error }, 'shutdown failed'),
  );
  await app.listen({ port: config.port, host: '0.0.0.0' });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
