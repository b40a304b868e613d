import { ApiError } from '../http/api-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips a position', () => {
    const position = { at: '2026-12-01T10:00:00.000Z', id: '65a1b2c3d4e5f60718293a4b' };
    expect(decodeCursor(encodeCursor(position), ['at', 'id'])).toEqual(position);
  });

  it('is opaque URL-safe text', () => {
    expect(encodeCursor({ id: '65a1b2c3d4e5f60718293a4b' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    'not a cursor',
    '',
    encodeCursor({ id: '1' }),
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{"at":1,"id":"x"}').toString('base64url'),
    Buffer.from('{"at":"a","id":"b","x":"c"}').toString('base64url'),
  ])('refuses %p with a 400', (cursor) => {
    expect(() => decodeCursor(cursor, ['at', 'id'])).toThrow(ApiError);
  });
});
