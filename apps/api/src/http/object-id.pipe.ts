import { Injectable, PipeTransform } from '@nestjs/common';
import { isValidObjectId } from 'mongoose';
import { badRequest } from './api-error';

/** Route ids must be 24-character hex ObjectIds; anything else is a 400, not a database error. */
@Injectable()
export class ObjectIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{24}$/i.test(value) || !isValidObjectId(value)) {
      throw badRequest('INVALID_ID', 'id must be a 24-character hexadecimal ObjectId');
    }
    return value.toLowerCase();
  }
}
