import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Connection } from 'mongoose';
import { Public } from '../auth/public.decorator';

const PING_TIMEOUT_MS = 2000;

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    if (await this.databaseAnswers()) return { status: 'ok', database: 'up' };
    void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'DATABASE_DOWN',
      message: 'The database is unreachable',
      status: 'error',
      database: 'down',
    };
  }

  private async databaseAnswers(): Promise<boolean> {
    const db = this.connection.db;
    if (!db) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>(
      (done) => (timer = setTimeout(() => done(false), PING_TIMEOUT_MS)),
    );
    try {
      return await Promise.race([db.command({ ping: 1 }).then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
