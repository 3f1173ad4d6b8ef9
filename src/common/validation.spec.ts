import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { AppError } from './app-error';
import { collectFieldErrors, createValidationPipe, reservedKeyErrors } from './validation';

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

  it('collectFieldErrors returns nothing for no errors', () => {
    expect(collectFieldErrors([])).toEqual({});
  });

  it('refuses a body that is no object, naming the body', async () => {
    for (const value of ['text', 42, null, [], [{ count: 1 }]]) {
      const error = (await validate(value).catch((caught: unknown) => caught)) as AppError;
      expect(error.fields).toEqual({ body: ['must be an object'] });
    }
  });

  it('refuses reserved keys at any depth by their path, before class-transformer sees them', async () => {
    const error = (await validate({
      count: 1,
      windows: [{ from: 'a', constructor: { prototype: {} } }],
    }).catch((caught: unknown) => caught)) as AppError;
    expect(error.fields).toEqual({ 'windows[0].constructor': ['is not an allowed key'] });
    expect(reservedKeyErrors(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual({
      'a.__proto__': ['is not an allowed key'],
    });
  });

  it('refuses input nested deeper than 32 levels', () => {
    let deep: unknown = {};
    for (let level = 0; level < 40; level += 1) deep = { d: deep };
    expect(Object.values(reservedKeyErrors(deep))).toEqual([['nests deeper than 32 levels']]);
  });
});
