// Builds the configured application; main.ts, the tests and the OpenAPI generator all use it,
// so what is tested and documented is what runs.
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { useJsonBodyParser } from './http/json-body.parser';
import { validationPipe } from './http/validation.pipe';

const BODY_LIMIT_BYTES = 1024 * 1024;

export async function createApp(options: { logs?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES });
  useJsonBodyParser(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
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
  return SwaggerModule.createDocument(app, config);
}
