import { TestApp, signUpAndLogIn, startTestApp } from '../../test/test-app';

describe('GET /users/:id', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    ({ auth } = await signUpAndLogIn(t));
  });
  afterAll(() => t.close());

  it('names another member of staff, without the password hash', async () => {
    const colleague = await t.http
      .post('/auth/signup')
      .send({
        email: 'Akinyi.Otieno@Malipo.test',
        password: 'correct horse battery',
        name: 'Akinyi',
      })
      .expect(201);
    const response = await t.http.get(`/users/${colleague.body.id}`).set(auth).expect(200);
    expect(response.body).toEqual({
      id: colleague.body.id,
      email: 'akinyi.otieno@malipo.test',
      name: 'Akinyi',
      role: 'staff',
      createdAt: colleague.body.createdAt,
    });
  });

  it('answers 404 USER_NOT_FOUND for an id nobody has', async () => {
    const response = await t.http.get('/users/65a1b2c3d4e5f60718293a4b').set(auth).expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'USER_NOT_FOUND',
      message: 'User not found',
    });
  });

  it('answers 400 INVALID_ID for a malformed id', async () => {
    const response = await t.http.get('/users/not-an-id').set(auth).expect(400);
    expect(response.body.code).toBe('INVALID_ID');
  });
});
