import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { IsDefined, IsString, IsUUID, Length, validateSync } from 'class-validator';
import { assertObjectBody, invalidInput } from '../common/validation';

/** `session:join` and `session:leave`. */
export class JoinMessage {
  @IsUUID('all')
  sessionId: string;
}

/** `announce`: an organiser's broadcast to a session's room. */
export class AnnounceMessage {
  @IsUUID('all')
  sessionId: string;

  @IsString()
  @Length(1, 500)
  text: string;
}

/** `rtc.signal`: a WebRTC offer, answer or ICE candidate, relayed as it is. */
export class SignalMessage {
  @IsUUID('all')
  meetingId: string;

  @IsDefined()
  data: unknown;
}

/**
 * Checks a client's message as the HTTP API checks a body: an object with exactly the known
 * fields, each valid, no reserved key (`constructor`, ...) anywhere, or a 400 naming every
 * offending field.
 */
export function parseMessage<T extends object>(type: ClassConstructor<T>, body: unknown): T {
  assertObjectBody(body);
  const message = plainToInstance(type, body);
  const errors = validateSync(message, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: true, value: true },
  });
  if (errors.length > 0) throw invalidInput(errors);
  return message;
}
