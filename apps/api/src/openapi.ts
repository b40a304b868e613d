// `npm run openapi -w @malipo/api [-- --check]`: writes the OpenAPI document generated from the
// code to openapi.json, or with --check fails when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { openApiDocument } from './app.factory';
import { AppModule } from './app.module';

const FILE = join(__dirname, '..', 'openapi.json');

async function main(): Promise<void> {
  // Preview mode builds the module graph without connecting to the database.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  const text = JSON.stringify(openApiDocument(app), null, 2) + '\n';
  await app.close();
  if (process.argv.includes('--check')) {
    if (readFileSync(FILE, 'utf8') !== text) {
      console.error(
        'apps/api/openapi.json is out of date: run `npm run openapi -w @malipo/api` and commit it.',
      );
      process.exit(1);
    }
    console.log('apps/api/openapi.json is up to date.');
    return;
  }
  writeFileSync(FILE, text);
  console.log(`Wrote ${FILE}`);
}

void main();
