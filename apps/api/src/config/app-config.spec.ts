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
});
