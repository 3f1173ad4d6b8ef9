import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from './app-error';

@Injectable()
class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUUID(value)) {
      throw AppError.invalid(
        { [this.name]: ['must be a UUID'] },
        { [this.name]: [{ rule: 'isUuid' }] },
      );
    }
    return value;
  }
}

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new UuidPipe(name));
}
