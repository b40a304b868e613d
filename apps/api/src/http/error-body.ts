// Turns anything thrown while handling a request into the contract's error body. Client mistakes
// (bad ids, duplicates; Fastify's own 4xx errors reach here as HttpExceptions) get their 4xx;
// anything else is a 500 whose detail stays in the log.
import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { Error as MongooseError, mongo } from 'mongoose';
import { isDuplicateKeyError } from '../database/duplicate-key';
import { ApiError } from './api-error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string | string[];
}

const CODE_BY_STATUS: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** What the multipart parser (busboy) throws, as plain Errors, for a malformed upload. */
const MALFORMED_MULTIPART =
  /^(Multipart: |Unexpected end of (form|multipart data)|Malformed part header)/;

/** Fastify's and its plugins' own client errors (FST_…) carry their 4xx status. */
function fastifyClientError(exception: unknown): { statusCode: number; message: string } | null {
  if (!(exception instanceof Error)) return null;
  const { statusCode, code } = exception as Error & { statusCode?: unknown; code?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_')) return null;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return null;
  return { statusCode, message: exception.message };
}

function body(status: number, code: string, message: string | string[]): ErrorBody {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code, message };
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof ApiError) {
    return body(exception.getStatus(), exception.code, exception.details);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: string | string[] }).message
        : exception.message;
    return body(status, CODE_BY_STATUS[status] ?? 'ERROR', message);
  }
  const fastify = fastifyClientError(exception);
  if (fastify)
    return body(
      fastify.statusCode,
      CODE_BY_STATUS[fastify.statusCode] ?? 'BAD_REQUEST',
      fastify.message,
    );
  if (exception instanceof Error && MALFORMED_MULTIPART.test(exception.message)) {
    return body(400, 'INVALID_UPLOAD', 'The multipart/form-data body is malformed');
  }
  // An uploaded file that is not valid CSV is the client's mistake, wherever it is parsed.
  // (By name: csv-parse's streaming and sync entry points are separate bundles with classes of
  // their own.)
  if (exception instanceof Error && exception.constructor.name === 'CsvError') {
    return body(400, 'INVALID_CSV', `The CSV file is malformed: ${exception.message}`);
  }
  if (exception instanceof MongooseError.CastError) {
    return body(400, 'INVALID_ID', `${exception.path} is not a valid id`);
  }
  if (
    exception instanceof mongo.MongoServerSelectionError ||
    exception instanceof mongo.MongoNetworkError
  ) {
    return body(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  if (isDuplicateKeyError(exception)) {
    return body(409, 'DUPLICATE', 'A record with the same unique value already exists');
  }
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'Internal server error');
}
