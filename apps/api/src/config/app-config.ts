// The API's configuration: read from the environment once at boot, validated, then injected as
// one typed object. Nothing else in the API reads process.env.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Type, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
const MIN_SECRET_LENGTH = 32;

class Environment {
  @IsOptional() @IsIn(NODE_ENVS) NODE_ENV: (typeof NODE_ENVS)[number] = 'development';
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsString() HOST = '127.0.0.1';
  @IsString() MONGO_URI!: string;
  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @IsString() JWT_EXPIRES_IN = '1h';
  @IsOptional() @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @IsOptional() @IsString() DATA_DIR = './data';
}

export class ConfigError extends Error {}

/** The validated configuration; injectable by its class. */
export class AppConfig {
  readonly env!: (typeof NODE_ENVS)[number];
  readonly port!: number;
  readonly host!: string;
  readonly mongoUri!: string;
  readonly jwt!: { secret: string; expiresInSeconds: number; issuer: string; audience: string };
  readonly logLevel!: (typeof LOG_LEVELS)[number];

  static fromEnvironment(source: NodeJS.ProcessEnv = process.env): AppConfig {
    const env = plainToInstance(Environment, withoutEmpty(source), {
      excludeExtraneousValues: false,
    });
    const errors = validateSync(env, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
      throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    }
    return Object.assign(new AppConfig(), {
      env: env.NODE_ENV,
      port: env.PORT,
      host: env.HOST,
      mongoUri: env.MONGO_URI,
      jwt: {
        secret: jwtSecret(env),
        expiresInSeconds: parseDuration(env.JWT_EXPIRES_IN),
        issuer: 'malipo',
        audience: 'malipo-api',
      },
      logLevel: env.LOG_LEVEL,
    });
  }
}

/** Unset and empty are the same to a person editing a .env file. */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

function jwtSecret(env: Environment): string {
  if (env.JWT_SECRET) {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters in production.`,
      );
    }
    return env.JWT_SECRET;
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      `JWT_SECRET is required in production: set it to a random string of at least ` +
        `${MIN_SECRET_LENGTH} characters (e.g. the output of: openssl rand -base64 48).`,
    );
  }
  return developmentSecret(resolve(env.DATA_DIR, 'jwt-secret'));
}

/** Outside production a secret is generated once and kept, so sign-ins survive restarts. */
function developmentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "3600", "90s", "15m", "1h" or "7d" to seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's'] : 0;
  if (seconds <= 0) {
    throw new ConfigError(
      `JWT_EXPIRES_IN must be a positive duration such as 3600, 15m, 1h or 7d (got "${text}").`,
    );
  }
  return seconds;
}
