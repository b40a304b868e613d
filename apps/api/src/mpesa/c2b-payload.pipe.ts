import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { badRequest } from '../http/api-error';
import { C2bPayloadDto } from './dto/c2b-payload.dto';

/**
 * Validates the fields Malipo uses and keeps the rest: unlike staff requests, a provider's
 * message must not be refused for carrying a field we do not know yet.
 */
@Injectable()
export class C2bPayloadPipe implements PipeTransform<
  unknown,
  { payload: C2bPayloadDto; raw: Record<string, unknown> }
> {
  transform(value: unknown) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badRequest('VALIDATION_FAILED', ['body must be a JSON object']);
    }
    const payload = plainToInstance(C2bPayloadDto, value);
    const errors = validateSync(payload, { stopAtFirstError: true });
    if (errors.length > 0) {
      throw badRequest(
        'VALIDATION_FAILED',
        errors.flatMap((e) => Object.values(e.constraints ?? {})),
      );
    }
    return { payload, raw: value as Record<string, unknown> };
  }
}
