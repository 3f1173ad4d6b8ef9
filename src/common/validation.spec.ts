import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { AppError } from './app-error';
import { NUL_MESSAGE, SURROGATE_MESSAGE } from './text-input';
import {
  collectFieldErrors,
  createValidationPipe,
  OptionalBody,
  reservedKeyErrors,
} from './validation';
import { IsInstant, Optional } from './validators';

class Window {
  @IsString()
  from: string;
}

class Body {
  @IsInt()
  @Min(1)
  count: number;

  @ValidateNested({ each: true })
  @Type(() => Window)
  windows: Window[];
}

class Profile {
  @IsString()
  name: string;

  @Optional()
  @IsInt()
  size?: number;

  @Optional({ nullable: true })
  @IsString()
  website?: string | null;

  @Optional()
  @IsInstant()
  startsAt?: string;
}

class ProfilePatch extends PartialType(Profile, { skipNullProperties: false }) {}

describe('validation', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Body });

  it('names nested fields by their path', async () => {
    const error = await validate({ count: 0, windows: [{ from: 'a' }, { from: 3 }] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({
      count: ['must not be less than 1'],
      'windows[1].from': ['must be a string'],
    });
  });

  it('refuses unknown fields by name', async () => {
    const error = (await validate({ count: 1, windows: [], admin: true }).catch(
      (caught: unknown) => caught,
    )) as AppError;
    expect(error.fields).toEqual({ admin: ['property admin should not exist'] });
  });

  it('passes a valid body through, converted', async () => {
    await expect(validate({ count: 2, windows: [{ from: 'x' }] })).resolves.toBeInstanceOf(Body);
  });

  it('reads a missing body as {} only for a DTO marked OptionalBody', async () => {
    @OptionalBody()
    class Options {
      @Optional()
      @IsBoolean()
      draft?: boolean;
    }
    const options = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Options });
    await expect(options(undefined)).resolves.toBeInstanceOf(Options);
    const wrong = (await options({ draft: 'yes' }).catch((caught: unknown) => caught)) as AppError;
    expect(Object.keys(wrong.fields ?? {})).toEqual(['draft']);
    const nulled = (await options(null).catch((caught: unknown) => caught)) as AppError;
    expect(nulled.fields).toEqual({ body: ['must be an object'] });
    const missing = (await validate(undefined).catch((caught: unknown) => caught)) as AppError;
    expect(missing.fields).toEqual({ body: ['must be an object'] });
  });

  it('collectFieldErrors returns nothing for no errors', () => {
    expect(collectFieldErrors([])).toEqual({});
  });

  it('refuses a body that is no object, naming the body', async () => {
    for (const value of ['text', 42, null, [], [{ count: 1 }]]) {
      const error = (await validate(value).catch((caught: unknown) => caught)) as AppError;
      expect(error.fields).toEqual({ body: ['must be an object'] });
      expect(error.rules).toEqual({ body: [{ rule: 'isObject' }] });
    }
  });

  it('refuses reserved keys at any depth by their path, before class-transformer sees them', async () => {
    const error = (await validate({
      count: 1,
      windows: [{ from: 'a', constructor: { prototype: {} } }],
    }).catch((caught: unknown) => caught)) as AppError;
    expect(error.fields).toEqual({ 'windows[0].constructor': ['is not an allowed key'] });
    expect(error.rules).toEqual({ 'windows[0].constructor': [{ rule: 'notAllowed' }] });
    expect(reservedKeyErrors(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual({
      'a.__proto__': ['is not an allowed key'],
    });
  });

  it('refuses input nested deeper than 32 levels', () => {
    let deep: unknown = {};
    for (let level = 0; level < 40; level += 1) deep = { d: deep };
    expect(Object.values(reservedKeyErrors(deep))).toEqual([['nests deeper than 32 levels']]);
  });

  describe('null and Optional()', () => {
    const check = (metatype: new () => object, value: unknown) =>
      pipe
        .transform(value, { type: 'body', metatype })
        .then(() => ({}))
        .catch((caught: AppError) => caught.fields);

    it('refuses null for a required or an optional field, and lets a nullable one be cleared', async () => {
      expect(await check(Profile, { name: null })).toEqual({ name: ['is required'] });
      expect(await check(Profile, { name: 'A', size: null })).toEqual({
        size: ['is required'],
      });
      expect(await check(Profile, { name: 'A', website: null })).toEqual({});
      expect(await check(Profile, { name: 'A' })).toEqual({});
    });

    it('refuses null on a PATCH (PartialType) for every field but a nullable one', async () => {
      expect(await check(ProfilePatch, {})).toEqual({});
      expect(await check(ProfilePatch, { name: null, startsAt: null, website: null })).toEqual({
        name: ['is required'],
        startsAt: ['is required'],
      });
    });

    it('refuses instants outside the years 2000 to 2099', async () => {
      for (const startsAt of ['1970-01-01T00:00:00Z', '2100-01-01T00:00:00Z']) {
        expect(await check(Profile, { name: 'A', startsAt })).toEqual({
          startsAt: ['must be a date-time between 2000 and 2099'],
        });
      }
      expect(await check(Profile, { name: 'A', startsAt: '2099-12-31T23:00:00-05:00' })).toEqual({
        startsAt: ['must be a date-time between 2000 and 2099'],
      });
      expect(await check(Profile, { name: 'A', startsAt: '2027-03-10T01:00:00Z' })).toEqual({});
    });
  });

  describe('text that cannot be stored', () => {
    it('is refused in a body, a query and a path parameter, by its path', async () => {
      const error = (await validate({
        count: 1,
        windows: [{ from: 'a\u0000' }],
      }).catch((caught: unknown) => caught)) as AppError;
      expect(error.fields).toEqual({ 'windows[0].from': [NUL_MESSAGE] });
      expect(error.rules).toEqual({ 'windows[0].from': [{ rule: 'storableText' }] });
      const query = (await pipe
        .transform({ q: 'x\uD800' }, { type: 'query', metatype: Object })
        .catch((caught: unknown) => caught)) as AppError;
      expect(query.fields).toEqual({ q: [SURROGATE_MESSAGE] });
      const param = (await pipe
        .transform('a\u0000', { type: 'param', metatype: String, data: 'id' })
        .catch((caught: unknown) => caught)) as AppError;
      expect(param.fields).toEqual({ id: [NUL_MESSAGE] });
    });

    it('is left in a body that is no DTO (the CSV import checks it cell by cell)', async () => {
      await expect(
        pipe.transform('name\na\u0000', { type: 'body', metatype: Object }),
      ).resolves.toBe('name\na\u0000');
    });
  });
});
