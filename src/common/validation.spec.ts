import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { AppError } from './app-error';
import { collectFieldErrors, createValidationPipe } from './validation';

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
});
