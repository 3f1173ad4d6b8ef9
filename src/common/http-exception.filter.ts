import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { AppError, STATUS_OF_KIND, type FieldErrors } from './app-error';
import { isDatabaseUnavailable } from './database-errors';
import type { ErrorCode } from './error-codes.wire';
import { isRedisUnavailable } from './redis-errors';
import type { WireError } from '../live/live.wire';

/** Declared once, in the file of wire types the web app shares. */
export type ErrorBody = WireError;

interface FastifyClientError {
  statusCode?: number;
  code?: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  if (!(error instanceof Error)) return false;
  const { statusCode, code } = error as FastifyClientError;
  return (
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    typeof code === 'string' &&
    code.startsWith('FST_')
  );
}

/** Readable messages for what Fastify refuses before a handler runs; a 400 names what is wrong. */
function describeFastifyError(error: FastifyClientError): {
  message: string;
  code: ErrorCode;
  fields?: FieldErrors;
} {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        code: 'malformed_json',
        message: `The request body is not valid JSON: ${error.message}`,
        fields: { body: ['is not valid JSON'] },
      };
    case 'FST_ERR_BAD_URL':
      // Fastify's message quotes the whole URL back; the caller knows it.
      return {
        code: 'malformed_url',
        message: 'The URL is malformed: a %-escape in its path does not decode',
        fields: { url: ['has a malformed %-escape'] },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'body_too_large', message: 'The request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', message: error.message };
    default:
      return error.statusCode === 400
        ? { code: 'bad_request', message: error.message, fields: { body: [error.message] } }
        : { code: 'bad_request', message: error.message };
  }
}

/**
 * Renders every error in SPEC.md's shape `{statusCode, error, message}`. Unexpected errors become a
 * 500 carrying the request's correlation id and nothing of their internals; they are logged in full.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id));
    if (exception instanceof AppError && exception.retryAfterSeconds !== undefined) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    // A route may have set another type (text/calendar, text/csv) before it failed.
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown, correlationId: string): ErrorBody {
    if (exception instanceof AppError) {
      const statusCode = STATUS_OF_KIND[exception.kind];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...(exception.fields ? { fields: exception.fields } : {}),
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.rules ? { rules: exception.rules } : {}),
      };
    }
    if (exception instanceof HttpException && isFastifyClientError(exception.cause)) {
      // Nest wraps what Fastify refuses before a handler runs (malformed JSON, too large a body).
      const statusCode = exception.getStatus();
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        ...describeFastifyError(exception.cause),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const raw =
        typeof response === 'string'
          ? response
          : ((response as { message?: string | string[] }).message ?? exception.message);
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: Array.isArray(raw) ? raw.join('; ') : raw,
      };
    }
    if (isFastifyClientError(exception)) {
      const statusCode = exception.statusCode ?? 400;
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        ...describeFastifyError(exception),
      };
    }
    if (isRedisUnavailable(exception)) {
      this.logger.warn({ err: exception, correlationId }, 'Redis unavailable');
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: 'A service this needs is not reachable right now; try again shortly',
        code: 'redis_unavailable' satisfies ErrorCode,
        correlationId,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ err: exception, correlationId }, 'database unavailable');
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: 'The database is not reachable right now; try again shortly',
        code: 'database_unavailable' satisfies ErrorCode,
        correlationId,
      };
    }
    this.logger.error({ err: exception, correlationId }, 'unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: `Something went wrong on our side. Quote ${correlationId} when reporting it.`,
      correlationId,
    };
  }
}
