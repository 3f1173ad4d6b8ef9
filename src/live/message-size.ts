import { randomUUID } from 'node:crypto';
import type { Event as SocketEvent } from 'socket.io';
import { AppError } from '../common/app-error';
import { HttpExceptionFilter } from '../common/http-exception.filter';

/** The largest live message a handler is given, measured as JSON; a larger one is acknowledged 413. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * socket.io's own limit per transport packet (`maxHttpBufferSize`). Above it the transport cannot
 * read the message, so it closes the connection (WebSocket close 1009, or a polling 413) and no
 * acknowledgement is possible; it is set well above MAX_MESSAGE_BYTES so that every message up to
 * it is answered with an acknowledgement instead.
 */
export const TRANSPORT_LIMIT_BYTES = 1024 * 1024;

const errors = new HttpExceptionFilter();

/** The size of a message's event name and arguments as JSON, or null if they cannot be measured. */
function messageBytes(packet: unknown[]): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(packet) ?? '');
  } catch {
    return null; // nested too deep for JSON.stringify: the handler's own checks refuse it
  }
}

/**
 * A socket middleware (`socket.use`) run before every event handler: a message over
 * MAX_MESSAGE_BYTES goes no further and, if the client asked for an acknowledgement, gets
 * `{ok: false, error}` with a 413 in the HTTP API's error shape. The socket stays open.
 */
export function refuseOversizedMessages(packet: SocketEvent, next: (error?: Error) => void): void {
  const ack: unknown = packet[packet.length - 1];
  const args = typeof ack === 'function' ? packet.slice(0, -1) : packet;
  const bytes = messageBytes(args);
  if (bytes === null || bytes <= MAX_MESSAGE_BYTES) return next();
  if (typeof ack === 'function') {
    const error = new AppError(
      'payload-too-large',
      'live.message_too_large',
      `A live message may be at most ${MAX_MESSAGE_BYTES / 1024} KiB`,
    );
    (ack as (response: unknown) => void)({
      ok: false,
      error: errors.toBody(error, randomUUID()),
    });
  }
}
