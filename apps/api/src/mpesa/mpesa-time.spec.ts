import { parseTransTime } from './mpesa-time';

describe('parseTransTime', () => {
  it.each([
    ['20261204101530', '2026-12-04T07:15:30.000Z'],
    ['20260101010000', '2025-12-31T22:00:00.000Z'],
    ['20240229235959', '2024-02-29T20:59:59.000Z'],
  ])('reads Nairobi time %p as %p', (text, iso) => {
    expect(parseTransTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    '2026120410153',
    '20261304101530',
    '20260230101530',
    '20261204241530',
    'abcdefghijklmn',
  ])('refuses %p', (text) => {
    expect(parseTransTime(text)).toBeNull();
  });
});
