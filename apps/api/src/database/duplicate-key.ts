import { mongo } from 'mongoose';

/**
 * True for a unique-index violation, given its code and message. MongoDB reports E11000;
 * FerretDB 1.24 does so for inserts but reports an update that breaks a unique index as an
 * internal error naming SQLite's constraint. Neither names the field reliably, so callers find
 * out which value is taken by looking it up.
 */
export function isDuplicateKey(code: unknown, message: string | undefined): boolean {
  return code === 11000 || (message ?? '').includes('UNIQUE constraint failed');
}

export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof mongo.MongoServerError && isDuplicateKey(error.code, error.message);
}
