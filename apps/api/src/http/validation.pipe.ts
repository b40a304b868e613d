import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './api-error';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix + error.property;
    const own = Object.values(error.constraints ?? {});
    return [...own, ...messages(error.children ?? [], `${path}.`)];
  });
}

/** Validates every body and query against its DTO; unknown fields are refused, not dropped. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => badRequest('VALIDATION_FAILED', messages(errors)),
});
