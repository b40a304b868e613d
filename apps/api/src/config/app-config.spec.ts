import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError, parseDuration } from './app-config';

describe('AppConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'malipo-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const load = (env: Record<string, string>) =>
    AppConfig.fromEnvironment({
      MONGO_URI: 'mongodb://127.0.0.1:27017/malipo',
      DATA_DIR: dataDir,
      ...env,
    });

  it('has defaults', () => {
    const config = load({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
    });
    expect(config.jwt.expiresInSeconds).toBe(3600);
  });

  it('generates a development secret once and keeps it under the data directory', () => {
    const first = load({}).jwt.secret;
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(load({}).jwt.secret).toBe(first);
    const file = join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses to start in production without a secret, or with a short one', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production/);
    expect(() => load({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /at least 32 characters/,
    );
    expect(load({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwt.secret).toBe(
      'x'.repeat(32),
    );
  });

  it.each([
    [{ MONGO_URI: '' }, /MONGO_URI/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ JWT_EXPIRES_IN: 'forever' }, /JWT_EXPIRES_IN/],
  ])('names the bad variable in %p', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it.each([
    ['3600', 3600],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
  ])('reads the duration %p as %p seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('has safe defaults for the abuse limits, the body limit, CORS and proxies', () => {
    const config = load({});
    expect(config.authRateLimit).toEqual({ max: 10, windowSeconds: 60 });
    expect(config.loginLockout).toEqual({ maxFailures: 5, lockoutSeconds: 900 });
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
    expect(config.corsOrigins).toEqual(['http://127.0.0.1:3001', 'http://localhost:3001']);
    expect(config.trustProxy).toBe(false);
    expect(config.jwt.previousSecret).toBeNull();
  });

  it('reads the security settings', () => {
    const config = load({
      AUTH_RATE_LIMIT_MAX: '3',
      AUTH_RATE_LIMIT_WINDOW: '90s',
      LOGIN_MAX_FAILURES: '7',
      LOGIN_LOCKOUT: '1h',
      BODY_LIMIT_BYTES: '4096',
      CORS_ORIGINS: ' https://a.example , http://localhost:3001 ',
      TRUST_PROXY: '10.0.0.1, 10.0.0.0/8',
      JWT_PREVIOUS_SECRET: 'old-secret',
    });
    expect(config.authRateLimit).toEqual({ max: 3, windowSeconds: 90 });
    expect(config.loginLockout).toEqual({ maxFailures: 7, lockoutSeconds: 3600 });
    expect(config.bodyLimitBytes).toBe(4096);
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:3001']);
    expect(config.trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(config.jwt.previousSecret).toBe('old-secret');
    expect(load({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(load({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it.each([
    [{ CORS_ORIGINS: 'http://localhost:3001/' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'ftp://files.example' }, /CORS_ORIGINS/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY/],
    [{ AUTH_RATE_LIMIT_MAX: '0' }, /AUTH_RATE_LIMIT_MAX/],
    [{ AUTH_RATE_LIMIT_WINDOW: 'a while' }, /AUTH_RATE_LIMIT_WINDOW/],
    [{ LOGIN_LOCKOUT: '-5m' }, /LOGIN_LOCKOUT/],
    [{ BODY_LIMIT_BYTES: '12' }, /BODY_LIMIT_BYTES/],
  ])('refuses the bad security setting %p', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });
});
