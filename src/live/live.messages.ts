import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';
import { assertObjectBody, invalidInput } from '../common/validation';
import { lowerId, Optional } from '../common/validators';

// Ids are read in lower case: the rooms and the presence keys are named after them, and a client
// spelling a session's id in capitals would otherwise be alone in a room of its own.

/** `session:leave`. */
export class LeaveMessage {
  @Transform(lowerId)
  @IsUUID('all')
  sessionId: string;
}

/** `session:join`; `since`, the presence version the client holds when it joins again. */
export class JoinMessage {
  @Transform(lowerId)
  @IsUUID('all')
  sessionId: string;

  /**
   * Versions count changes one by one from 0, so none passes 2^53 - 1; a larger `since`
   * (2^64, 1e300: integers to JavaScript, rounded) can only be a client's mistake.
   */
  @Optional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  since?: number;
}

/** Most users one `presence:page` gives. */
export const MAX_PRESENCE_PAGE = 200;
/** Users a page has unless the client asks for another number. */
export const PRESENCE_PAGE = 50;

/** `presence:page`: the next page of a session's room, after the cursor `after`. */
export class PresencePageMessage {
  @Transform(lowerId)
  @IsUUID('all')
  sessionId: string;

  /** The `next` of the page before (base64url). */
  @Optional()
  @IsString()
  @Length(1, 2000)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be the next of a page' })
  after?: string;

  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_PRESENCE_PAGE)
  limit?: number;
}

/** `announce`: an organiser's broadcast to a session's room. */
export class AnnounceMessage {
  @Transform(lowerId)
  @IsUUID('all')
  sessionId: string;

  @IsString()
  @Length(1, 500)
  text: string;
}

/** `rtc.signal`: a WebRTC offer, answer or ICE candidate, relayed as it is. */
export class SignalMessage {
  @Transform(lowerId)
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
