import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from './api-error';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix + error.property;
    const own = Object.values(error.constraints ?? {});
    return [...own, ...messages(error.children ?? [], `${path}.`)];
  });
}

/**
 * A route that declares a JSON body needs one: without this, a missing body would reach a DTO
 * whose fields are all optional (a PATCH) as an empty object and succeed, while the OpenAPI
 * document says the body is required (the fuzzer, tools/fuzz, found it).
 */
class RequiredBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && (value === undefined || value === null)) {
      throw badRequest('VALIDATION_FAILED', ['A JSON request body is required']);
    }
    return super.transform(value, metadata);
  }
}

/** Validates every body and query against its DTO; unknown fields are refused, not dropped. */
export const validationPipe = new RequiredBodyValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => badRequest('VALIDATION_FAILED', messages(errors)),
});
