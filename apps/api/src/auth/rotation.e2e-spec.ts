// Rotating JWT_SECRET: with the old secret given as JWT_PREVIOUS_SECRET, tokens signed with it
// keep working until they expire, and new tokens are signed with the new secret; without it,
// the old tokens stop at once. (See "Rotating JWT_SECRET" in the README.)
import { JwtService } from '@nestjs/jwt';
import { TestApp, signUpAndLogIn, startTestApp } from '../../test/test-app';

const OLD = 'the-old-secret-0123456789-0123456789-0123456789';
const NEW = 'the-new-secret-0123456789-0123456789-0123456789';

const tokenFor = (userId: string, secret: string) =>
  new JwtService().sign(
    { sub: userId },
    { secret, algorithm: 'HS256', expiresIn: 600, issuer: 'malipo', audience: 'malipo-api' },
  );

describe('rotating JWT_SECRET', () => {
  let rotating: TestApp;
  let rotated: TestApp;
  beforeAll(async () => {
    rotating = await startTestApp({ JWT_SECRET: NEW, JWT_PREVIOUS_SECRET: OLD });
    rotated = await startTestApp({ JWT_SECRET: NEW });
  });
  afterAll(async () => {
    await rotating.close();
    await rotated.close();
  });

  it('accepts tokens signed with the previous secret during the rotation, and signs with the new one', async () => {
    const { userId, token } = await signUpAndLogIn(rotating);
    await rotating.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${tokenFor(userId, OLD)}`)
      .expect(200);
    await rotating.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${tokenFor(userId, NEW)}`)
      .expect(200);
    expect(() => new JwtService().verify<object>(token, { secret: NEW })).not.toThrow();
    expect(() => new JwtService().verify<object>(token, { secret: OLD })).toThrow();
  });

  it('refuses them once the previous secret is gone, and always refuses any other secret', async () => {
    const { userId } = await signUpAndLogIn(rotated);
    await rotated.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${tokenFor(userId, OLD)}`)
      .expect(401);
    await rotated.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${tokenFor(userId, NEW)}`)
      .expect(200);
    const other = 'some-other-secret-0123456789-0123456789-0123';
    const mid = await signUpAndLogIn(rotating);
    await rotating.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${tokenFor(mid.userId, other)}`)
      .expect(401);
  });
});
