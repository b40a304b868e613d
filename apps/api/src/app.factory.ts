// Builds the configured application; main.ts, the tests and the OpenAPI generator all use it,
// so what is tested and documented is what runs.
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { useForbiddenKeysCheck } from './http/forbidden-keys';
import { useJsonBodyParser } from './http/json-body.parser';
import { requestId, useRequestIdHeader } from './http/request-id';
import { validationPipe } from './http/validation.pipe';

/** 100,000 rows of a statement file are about 8 MB. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

export async function createApp(options: { logs?: boolean } = {}): Promise<NestFastifyApplication> {
  // The adapter needs some settings before Nest exists; the same environment gives the same
  // values as the injected AppConfig.
  const config = AppConfig.fromEnvironment();
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Fastify's router answers a path parameter over 100 characters itself, with a 414 outside
    // the contract's error body (found by the fuzzer); as long as a URL can be, it reaches the
    // id check instead and is a 400 INVALID_ID.
    routerOptions: { maxParamLength: 16 * 1024 },
    genReqId: requestId,
  });
  useJsonBodyParser(adapter.getInstance());
  useForbiddenKeysCheck(adapter.getInstance());
  useRequestIdHeader(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  await app.register(helmet, {
    // Strict for the API's JSON; Swagger UI at /docs needs its own scripts, styles and images.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        scriptSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        connectSrc: [`'self'`],
        frameAncestors: [`'none'`],
        formAction: [`'self'`],
      },
    },
  });
  // Statement files for POST /payments/import; one file a request.
  await app.register(multipart, { limits: { files: 1, fileSize: UPLOAD_LIMIT_BYTES } });
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Malipo API')
    .setDescription(
      'Back office for pay-as-you-go smartphone financing: customers, payments and reassignment. ' +
        'Every error has the body { statusCode, error, code, message }.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return withCommonResponses(SwaggerModule.createDocument(app, config));
}

/**
 * The responses that every operation can give whatever its controller says, because they come
 * from app-wide parts: validation and the operator-key check (400), the bearer guard (401), the
 * body parser and limit (413, 415) and the database (503). Documented once here, so that the
 * document lists every status the API really returns (the fuzzer, tools/fuzz, checks it).
 */
function withCommonResponses(document: OpenAPIObject): OpenAPIObject {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
  });
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const common: Record<string, ReturnType<typeof error>> = {
        '400': error('VALIDATION_FAILED (also for $-operator or prototype keys), INVALID_JSON'),
        '503': error('DATABASE_UNAVAILABLE: the database is unreachable; try again shortly'),
      };
      if (operation.security?.some((requirement) => 'bearer' in requirement)) {
        common['401'] = error('UNAUTHORIZED: a missing, invalid or expired bearer token');
      }
      if (operation.requestBody) {
        common['413'] = error('PAYLOAD_TOO_LARGE: the body is larger than BODY_LIMIT_BYTES');
        common['415'] = error('UNSUPPORTED_MEDIA_TYPE: the body is not of a documented type');
      }
      const responses = { ...operation.responses };
      for (const [status, response] of Object.entries(common)) responses[status] ??= response;
      operation.responses = responses;
    }
  }
  return document;
}
