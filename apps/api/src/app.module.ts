import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CustomersModule } from './customers/customers.module';
import { HealthController } from './health/health.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { redactUrl } from './http/redact-url';
import { MpesaModule } from './mpesa/mpesa.module';
import { PaymentsModule } from './payments/payments.module';
import { StatementsModule } from './statements/statements.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // Only what identifies the request: headers (tokens, cookies) and bodies (passwords)
          // never reach a log line, and secrets in URLs (the payment-provider callback token) are
          // masked; test/logs.e2e-spec.ts checks it.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: redactUrl(req.url),
            }),
            // The status is what an operator reads; the response headers are the same on every line.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
    MongooseModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A filter path that is not in the schema is a bug, never silently dropped (which would
        // widen the filter): see docs/security.md.
        mongoose.set('strictQuery', 'throw');
        // Operator objects in a filter are the services' own only (wrapped in trusted()); any
        // other value that looks like one is compared as a value. Defence in depth behind the
        // request check in http/forbidden-keys.ts.
        mongoose.set('sanitizeFilter', true);
        return {
          uri: config.mongoUri,
          serverSelectionTimeoutMS: 5000,
          // While the database is down, fail requests after the selection timeout (a 503) instead
          // of queueing them in memory.
          bufferCommands: false,
          autoIndex: true,
        };
      },
    }),
    AuthModule,
    CustomersModule,
    PaymentsModule,
    MpesaModule,
    StatementsModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
