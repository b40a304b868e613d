import { HttpException, HttpStatus } from '@nestjs/common';

/** An error with a stable `code` that clients may switch on; `message` is for people. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    readonly details: string | string[],
  ) {
    super(Array.isArray(details) ? details.join('; ') : details, status);
  }
}

export const notFound = (code: string, message: string) =>
  new ApiError(HttpStatus.NOT_FOUND, code, message);
export const conflict = (code: string, message: string) =>
  new ApiError(HttpStatus.CONFLICT, code, message);
export const badRequest = (code: string, message: string | string[]) =>
  new ApiError(HttpStatus.BAD_REQUEST, code, message);

/** A 429 that tells the client when to come back (the filter sends it as `Retry-After`). */
export class TooManyRequestsError extends ApiError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, message);
  }
}
