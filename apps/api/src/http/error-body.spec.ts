import { parse } from 'csv-parse/sync';
import { toErrorBody } from './error-body';

describe('toErrorBody', () => {
  it.each([
    'Multipart: Boundary not found',
    'Unexpected end of form',
    'Unexpected end of multipart data',
    'Malformed part header',
  ])('turns the multipart parser error "%s" into a 400', (message) => {
    expect(toErrorBody(new Error(message))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'INVALID_UPLOAD',
      message: 'The multipart/form-data body is malformed',
    });
  });

  it("keeps the 4xx of Fastify's own errors", () => {
    const error = Object.assign(new Error('the request is not multipart'), {
      code: 'FST_INVALID_MULTIPART_CONTENT_TYPE',
      statusCode: 406,
    });
    expect(toErrorBody(error)).toMatchObject({ statusCode: 406, code: 'BAD_REQUEST' });
    const tooLarge = Object.assign(new Error('too large'), {
      code: 'FST_REQ_FILE_TOO_LARGE',
      statusCode: 413,
    });
    expect(toErrorBody(tooLarge)).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('turns a CSV parse error into a 400', () => {
    let thrown: unknown;
    try {
      parse('a,b\n"x"y,1\n', { columns: true });
    } catch (error) {
      thrown = error;
    }
    expect(toErrorBody(thrown)).toMatchObject({ statusCode: 400, code: 'INVALID_CSV' });
  });

  it('still answers anything else with a generic 500', () => {
    expect(toErrorBody(new Error('boom'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
    });
    const fastify500 = Object.assign(new Error('x'), { code: 'FST_SOMETHING', statusCode: 500 });
    expect(toErrorBody(fastify500).statusCode).toBe(500);
  });
});
