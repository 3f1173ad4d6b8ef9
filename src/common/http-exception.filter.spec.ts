import { BadRequestException, NotFoundException } from '@nestjs/common';
import { AppError, MAX_FIELD_ERRORS } from './app-error';
import { HttpExceptionFilter } from './http-exception.filter';

describe('HttpExceptionFilter.toBody', () => {
  const filter = new HttpExceptionFilter();
  jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
  jest.spyOn(filter['logger'], 'warn').mockImplementation(() => undefined);

  it('renders a domain error with its status, code, fields and rules', () => {
    expect(
      filter.toBody(
        AppError.invalid(
          { email: ['must be an email address'], note: ['is odd'] },
          { email: [{ rule: 'isEmail' }] },
        ),
        'req-1',
      ),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input. email: must be an email address. note: is odd',
      code: 'validation_failed',
      fields: { email: ['must be an email address'], note: ['is odd'] },
      // A field its thrower gave no rule is `invalid`: clients show its message.
      rules: { email: [{ rule: 'isEmail' }], note: [{ rule: 'invalid' }] },
    });
    expect(filter.toBody(AppError.conflict('user.email_taken', 'Taken'), 'req-1')).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
    });
    expect(filter.toBody(AppError.notFound('company', 'abc'), 'req-1')).toMatchObject({
      statusCode: 404,
      message: 'No company with id abc',
      code: 'company.not_found',
    });
  });

  it('names at most MAX_FIELD_ERRORS fields in one 400 and says how many more there were', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [`weights[${i}]`, ['must be a number']]),
    );
    const body = filter.toBody(AppError.invalid(fields), 'req-1') as {
      message: string;
      fields: Record<string, string[]>;
    };
    expect(Object.keys(body.fields)).toHaveLength(MAX_FIELD_ERRORS);
    expect(body.fields['weights[0]']).toEqual(['must be a number']);
    expect(body.message).toMatch(/\. And 9950 more fields$/);
    expect(JSON.stringify(body).length).toBeLessThan(10_000);
  });

  it("renders Nest's own exceptions in the same shape", () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'), 'req-1')).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /x',
    });
    expect(filter.toBody(new BadRequestException(['a is bad', 'b is bad']), 'req-1').message).toBe(
      'a is bad; b is bad',
    );
  });

  it('hides the internals of an unexpected error behind the correlation id', () => {
    const body = filter.toBody(new Error('password=hunter2 at db.internal:5432'), 'req-42');
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. Quote req-42 when reporting it.',
      correlationId: 'req-42',
    });
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('answers 503 when the database is unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(filter.toBody(refused, 'req-7')).toMatchObject({
      statusCode: 503,
      code: 'database_unavailable',
    });
  });

  it('answers 503 when Redis is away', () => {
    const refused = new Error("Stream isn't writeable and enableOfflineQueue options is false");
    expect(filter.toBody(refused, 'req-8')).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'redis_unavailable',
    });
    expect(filter.toBody(new Error('Connection is closed.'), 'req-9')).toMatchObject({
      statusCode: 503,
    });
  });
});
