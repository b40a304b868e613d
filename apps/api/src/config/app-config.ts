// The API's configuration: read from the environment once at boot, validated, then injected as
// one typed object. Nothing else in the API reads process.env.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Type, plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
const MIN_SECRET_LENGTH = 32;
const MPESA_UNKNOWN_ACCOUNT_POLICIES = ['accept', 'reject'] as const;

class Environment {
  @IsOptional() @IsIn(NODE_ENVS) NODE_ENV: (typeof NODE_ENVS)[number] = 'development';
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsString() HOST = '127.0.0.1';
  @IsString() MONGO_URI!: string;
  @IsOptional() @IsString() JWT_SECRET?: string;
  @IsOptional() @IsString() JWT_PREVIOUS_SECRET?: string;
  @IsOptional() @IsString() JWT_EXPIRES_IN = '1h';
  @IsOptional() @IsIn(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @IsOptional() @IsString() DATA_DIR = './data';
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;
  @IsOptional() @IsString() CORS_ORIGINS = 'http://127.0.0.1:3001,http://localhost:3001';
  @IsOptional() @IsString() TRUST_PROXY = 'false';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) AUTH_RATE_LIMIT_MAX = 10;
  @IsOptional() @IsString() AUTH_RATE_LIMIT_WINDOW = '1m';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) LOGIN_MAX_FAILURES = 5;
  @IsOptional() @IsString() LOGIN_LOCKOUT = '15m';
  @IsOptional() @IsString() @MinLength(16) MPESA_CALLBACK_TOKEN?: string;
  @IsOptional()
  @IsIn(MPESA_UNKNOWN_ACCOUNT_POLICIES)
  MPESA_UNKNOWN_ACCOUNT: (typeof MPESA_UNKNOWN_ACCOUNT_POLICIES)[number] = 'accept';
}

export class ConfigError extends Error {}

/** The validated configuration; injectable by its class. */
export class AppConfig {
  readonly env!: (typeof NODE_ENVS)[number];
  readonly port!: number;
  readonly host!: string;
  readonly mongoUri!: string;
  readonly jwt!: {
    secret: string;
    /** Still accepted for verifying (not for signing) while tokens signed with it expire. */
    previousSecret: string | null;
    expiresInSeconds: number;
    issuer: string;
    audience: string;
  };
  readonly logLevel!: (typeof LOG_LEVELS)[number];
  /** Largest accepted JSON body; larger is a 413. */
  readonly bodyLimitBytes!: number;
  /** Browser origins allowed by CORS (the web app's). */
  readonly corsOrigins!: string[];
  /** Fastify's trustProxy: false, true, a hop count or a list of proxy addresses. */
  readonly trustProxy!: boolean | number | string[];
  /** Requests to /auth/login and /auth/signup per client address and per email, per window. */
  readonly authRateLimit!: { max: number; windowSeconds: number };
  /** Failed log-ins for one email before it is locked out, and for how long. */
  readonly loginLockout!: { maxFailures: number; lockoutSeconds: number };
  /**
   * The secret path segment of the M-Pesa callback URLs (null: callbacks are off), and whether
   * validation rejects payments for account numbers nobody has.
   */
  readonly mpesa!: { callbackToken: string | null; rejectUnknownAccounts: boolean };

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
        previousSecret: env.JWT_PREVIOUS_SECRET ?? null,
        expiresInSeconds: parseDuration(env.JWT_EXPIRES_IN, 'JWT_EXPIRES_IN'),
        issuer: 'malipo',
        audience: 'malipo-api',
      },
      logLevel: env.LOG_LEVEL,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: corsOrigins(env.CORS_ORIGINS),
      trustProxy: trustProxy(env.TRUST_PROXY),
      authRateLimit: {
        max: env.AUTH_RATE_LIMIT_MAX,
        windowSeconds: parseDuration(env.AUTH_RATE_LIMIT_WINDOW, 'AUTH_RATE_LIMIT_WINDOW'),
      },
      loginLockout: {
        maxFailures: env.LOGIN_MAX_FAILURES,
        lockoutSeconds: parseDuration(env.LOGIN_LOCKOUT, 'LOGIN_LOCKOUT'),
      },
      mpesa: {
        callbackToken: mpesaCallbackToken(env),
        rejectUnknownAccounts: env.MPESA_UNKNOWN_ACCOUNT === 'reject',
      },
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

/** Outside production a token is generated once (like the JWT secret); production must set one. */
function mpesaCallbackToken(env: Environment): string | null {
  if (env.MPESA_CALLBACK_TOKEN) return env.MPESA_CALLBACK_TOKEN;
  if (env.NODE_ENV === 'production') return null;
  return developmentSecret(resolve(env.DATA_DIR, 'mpesa-callback-token'));
}

/** Outside production a secret is generated once and kept, so sign-ins survive restarts. */
function developmentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** A comma-separated list of origins such as http://localhost:3001 (scheme, host, port). */
function corsOrigins(text: string): string[] {
  const origins = text
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let valid = false;
    try {
      const url = new URL(origin);
      valid = /^https?:$/.test(url.protocol) && url.origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) {
      throw new ConfigError(
        `CORS_ORIGINS must be a comma-separated list of origins such as ` +
          `http://localhost:3001, without a path or a trailing slash (got "${origin}").`,
      );
    }
  }
  return origins;
}

/** "false", "true", a hop count ("1") or a comma-separated list of proxy addresses. */
function trustProxy(text: string): boolean | number | string[] {
  const value = text.trim();
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const addresses = value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  if (addresses.length === 0 || addresses.some((address) => !/^[\d.:a-f/]+$/i.test(address))) {
    throw new ConfigError(
      `TRUST_PROXY must be false, true, a number of proxy hops, or a comma-separated list of ` +
        `proxy addresses (got "${text}").`,
    );
  }
  return addresses;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "3600", "90s", "15m", "1h" or "7d" to seconds. */
export function parseDuration(text: string, name = 'JWT_EXPIRES_IN'): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's'] : 0;
  if (seconds <= 0) {
    throw new ConfigError(
      `${name} must be a positive duration such as 3600, 15m, 1h or 7d (got "${text}").`,
    );
  }
  return seconds;
}
