import { JwtService } from '@nestjs/jwt';
import { TestApp, signUpAndLogIn, startTestApp } from '../../test/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const email = 'Wanjiku.Kamau@Malipo.test';
  const password = 'correct horse battery';

  it('signs up a user without exposing the password or its hash', async () => {
    const response = await t.http
      .post('/auth/signup')
      .send({ email, password, name: 'Wanjiku' })
      .expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: 'wanjiku.kamau@malipo.test',
      name: 'Wanjiku',
      role: 'staff',
      createdAt: expect.any(String),
    });
    const stored = await t.db.collection('users').findOne({ email: 'wanjiku.kamau@malipo.test' });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(password);
  });

  it('refuses a second account with the same email in another case', async () => {
    const response = await t.http
      .post('/auth/signup')
      .send({ email: email.toUpperCase(), password })
      .expect(409);
    expect(response.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'EMAIL_TAKEN',
      message: expect.any(String),
    });
  });

  it.each([
    [{ email: 'not-an-email', password }, 'email'],
    [{ email: 'short@malipo.test', password: 'seven77' }, 'password'],
    [{ password }, 'email'],
    [{ email: 'x@malipo.test' }, 'password'],
  ])('refuses an invalid signup %p naming the field', async (body, field) => {
    const response = await t.http.post('/auth/signup').send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.message.join(' ')).toContain(field);
  });

  it('logs in with any case of the email and returns a bearer token', async () => {
    const response = await t.http
      .post('/auth/login')
      .send({ email: email.toLowerCase(), password })
      .expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 3600,
    });
    const me = await t.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
    expect(me.body.email).toBe('wanjiku.kamau@malipo.test');
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await t.http
      .post('/auth/login')
      .send({ email: 'nobody@malipo.test', password })
      .expect(401);
    const wrong = await t.http
      .post('/auth/login')
      .send({ email, password: 'wrong password' })
      .expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('keeps the password and its hash out of the token', async () => {
    const { token } = await signUpAndLogIn(t);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as object;
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub']);
  });

  describe('the guard', () => {
    const jwt = new JwtService();
    const secret = 'test-secret-that-is-long-enough-for-production-0123456789';
    let userId: string;
    beforeAll(async () => {
      userId = (await signUpAndLogIn(t)).userId;
    });

    const attempt = (authorization?: string) => {
      const call = t.http.get('/auth/me');
      return authorization ? call.set('Authorization', authorization) : call;
    };

    it('refuses a request without a token', async () => {
      const response = await attempt().expect(401);
      expect(response.body.code).toBe('UNAUTHORIZED');
    });

    it.each([
      ['a malformed token', 'Bearer not.a.token'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['an empty bearer', 'Bearer '],
    ])('refuses %s', async (_, header) => {
      await attempt(header).expect(401);
    });

    it('refuses an expired token', async () => {
      const token = jwt.sign(
        { sub: userId, exp: Math.floor(Date.now() / 1000) - 10 },
        { secret, algorithm: 'HS256', issuer: 'malipo', audience: 'malipo-api' },
      );
      await attempt(`Bearer ${token}`).expect(401);
    });

    it('refuses a token signed with another secret, issuer or audience', async () => {
      const options = { algorithm: 'HS256' as const, issuer: 'malipo', audience: 'malipo-api' };
      for (const token of [
        jwt.sign({ sub: userId }, { ...options, secret: 'another secret of sufficient length!!' }),
        jwt.sign({ sub: userId }, { ...options, secret, issuer: 'someone-else' }),
        jwt.sign({ sub: userId }, { ...options, secret, audience: 'another-api' }),
      ]) {
        await attempt(`Bearer ${token}`).expect(401);
      }
    });

    it('refuses an unsigned token (alg none)', async () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: userId, iss: 'malipo', aud: 'malipo-api' })}.`;
      await attempt(`Bearer ${token}`).expect(401);
    });

    it('accepts a valid token', async () => {
      const token = jwt.sign(
        { sub: userId },
        { secret, algorithm: 'HS256', issuer: 'malipo', audience: 'malipo-api', expiresIn: 60 },
      );
      await attempt(`Bearer ${token}`).expect(200);
    });

    it.each([
      '/customers',
      '/payments',
      '/payments/65a1b2c3d4e5f60718293a4b',
      '/customers/65a1b2c3d4e5f60718293a4b',
      '/users/65a1b2c3d4e5f60718293a4b',
    ])('protects GET %s', async (path) => {
      await t.http.get(path).expect(401);
    });

    it('leaves /health and the docs public', async () => {
      await t.http.get('/health').expect(200);
      await t.http.get('/docs-json').expect(200);
    });
  });
});
