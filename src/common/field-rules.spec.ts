import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO31661Alpha2,
  IsNumber,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AppError } from './app-error';
import { CreateSessionDto } from '../sessions/dto/session.dto';
import { ruleOfConstraint } from './field-rules';
import { createValidationPipe } from './validation';
import { IsCalendarDate, IsIanaTimeZone, IsInstant, Optional } from './validators';

class Weights {
  @Optional() @IsNumber() @Min(0) @Max(1) complementarity?: number;
}

class Form {
  @IsString() @Length(3, 200) title: string;
  @Optional() @IsString() @MaxLength(2000) description?: string;
  @IsIn(['video', 'in-person']) mode: string;
  @IsInstant() startsAt: string;
  @Optional() @IsCalendarDate() day?: string;
  @Optional() @IsIanaTimeZone() timezone?: string;
  @Optional() @IsISO31661Alpha2({ each: true }) markets?: string[];
  @Optional() @ValidateNested() @Type(() => Weights) weights?: Weights;
}

async function rulesOf(body: object) {
  const pipe = createValidationPipe();
  const error = (await pipe
    .transform(body, { type: 'body', metatype: Form })
    .catch((caught: unknown) => caught)) as AppError;
  expect(error).toBeInstanceOf(AppError);
  return error.rules;
}

const valid = { title: 'A session', mode: 'video', startsAt: '2027-03-10T01:00:00Z' };

describe('the rules of a 400', () => {
  it('names each broken rule with the parameters of its decorator', async () => {
    expect(
      await rulesOf({
        title: 'ab',
        description: 'x'.repeat(2001),
        mode: 'phone',
        startsAt: '2027-03-10',
      }),
    ).toEqual({
      title: [{ rule: 'length', params: { min: 3, max: 200 } }],
      description: [{ rule: 'maxLength', params: { max: 2000 } }],
      mode: [{ rule: 'isIn', params: { values: ['video', 'in-person'] } }],
      startsAt: [{ rule: 'isDateTime' }],
    });
  });

  it('words nested fields by their path', async () => {
    expect(await rulesOf({ ...valid, weights: { complementarity: 2 } })).toEqual({
      'weights.complementarity': [{ rule: 'max', params: { max: 1 } }],
    });
  });

  it('names this API’s own validators and the years it takes', async () => {
    expect(
      await rulesOf({
        ...valid,
        startsAt: '1999-03-10T01:00:00Z',
        day: '10/03/2027',
        timezone: 'Mars/Olympus',
        markets: ['HK', 'XX'],
      }),
    ).toEqual({
      startsAt: [{ rule: 'yearRange', params: { min: 2000, max: 2099 } }],
      day: [{ rule: 'isDate' }],
      timezone: [{ rule: 'isTimeZone' }],
      markets: [{ rule: 'isCountry' }],
    });
  });

  it('says a missing field is required and an unknown one is not allowed', async () => {
    expect(await rulesOf({ title: 'A session', mode: 'video', extra: 1 })).toEqual({
      startsAt: [{ rule: 'required' }],
      extra: [{ rule: 'notAllowed' }],
    });
  });

  it('names every class-validator constraint this API’s DTOs use (none falls back to invalid)', () => {
    expect(ruleOfConstraint('arrayUnique', [], ['a', 'a'])).toEqual({ rule: 'distinct' });
    expect(ruleOfConstraint('isUuid', [], 'x')).toEqual({ rule: 'isUuid' });
  });

  it('sends a constraint it has no name for as invalid', () => {
    expect(ruleOfConstraint('isHexColor', [], '#zz')).toEqual({ rule: 'invalid' });
  });
});

describe('dates against other fields', () => {
  it('are refused with every other field at once, not after them', async () => {
    const pipe = createValidationPipe();
    const error = (await pipe
      .transform(
        {
          title: 'ab',
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: '2027-03-10T05:00:00Z',
          endsAt: '2027-03-10T01:00:00Z',
          requestDeadline: '2027-03-11T00:00:00Z',
          slotMinutes: 20,
          maxMeetingsPerCompany: 8,
        },
        { type: 'body', metatype: CreateSessionDto },
      )
      .catch((caught: unknown) => caught)) as AppError;
    expect(error.rules).toEqual({
      title: [{ rule: 'length', params: { min: 3, max: 200 } }],
      endsAt: [{ rule: 'after', params: { field: 'startsAt' } }],
      requestDeadline: [{ rule: 'notAfter', params: { field: 'endsAt' } }],
    });
  });

  it('bound a session to 7 days', async () => {
    const pipe = createValidationPipe();
    const error = (await pipe
      .transform(
        {
          title: 'A session',
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: '2027-03-10T00:00:00Z',
          endsAt: '2027-03-18T00:00:00Z',
          requestDeadline: '2027-03-09T00:00:00Z',
          slotMinutes: 20,
          maxMeetingsPerCompany: 8,
        },
        { type: 'body', metatype: CreateSessionDto },
      )
      .catch((caught: unknown) => caught)) as AppError;
    expect(error.rules).toEqual({
      endsAt: [{ rule: 'withinDays', params: { field: 'startsAt', days: 7 } }],
    });
  });
});
