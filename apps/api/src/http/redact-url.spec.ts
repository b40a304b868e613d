import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    [
      '/integrations/mpesa/c2b/s3cr3t-T0ken/confirmation',
      '/integrations/mpesa/c2b/[REDACTED]/confirmation',
    ],
    [
      '/integrations/mpesa/c2b/s3cr3t-T0ken/validation?x=1',
      '/integrations/mpesa/c2b/[REDACTED]/validation?x=1',
    ],
    ['/integrations/mpesa/c2b/s3cr3t-T0ken', '/integrations/mpesa/c2b/[REDACTED]'],
    [
      '/INTEGRATIONS/mpesa/c2b/s3cr3t/confirmation',
      '/INTEGRATIONS/mpesa/c2b/[REDACTED]/confirmation',
    ],
    ['/customers?search=ann&token=abc', '/customers?search=ann&token=[REDACTED]'],
    ['/x?api%5Fkey=abc&limit=2', '/x?api%5Fkey=[REDACTED]&limit=2'],
    ['/payments/65a1b2c3d4e5f60718293a4b', '/payments/65a1b2c3d4e5f60718293a4b'],
    ['/customers?search=token', '/customers?search=token'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
