import type { INestApplicationContext } from '@nestjs/common';

/**
 * Closes the application on SIGTERM or SIGINT (HTTP server, socket.io, BullMQ workers, pools),
 * then exits 0; a second signal, or a close that hangs for 25 s, exits at once.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  log: (message: string) => void,
  logError: (error: unknown) => void,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1);
    closing = true;
    log(`${signal} received, shutting down`);
    const timer = setTimeout(() => process.exit(1), 25_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logError(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
