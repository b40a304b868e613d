import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequestsError } from './api-error';
import { toErrorBody } from './error-body';
import { redactUrl } from './redact-url';

/** The one place where errors become responses (see error-body.ts). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, reqId: request.id, route: `${request.method} ${redactUrl(request.url)}` },
        'Unexpected error',
      );
    }
    if (exception instanceof TooManyRequestsError) {
      void reply.header('retry-after', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    void reply.status(body.statusCode).send(body);
  }
}
