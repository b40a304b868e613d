// The one way to call the Malipo API: openapi-fetch over types generated from the API's own
// OpenAPI document, so a request or response that does not match the API fails to compile.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';

type Schemas = components['schemas'];
export type User = Schemas['UserResponse'];
export type Customer = Schemas['CustomerResponse'];
/** A customer with their totals, as `GET /customers/{id}` returns them. */
export type CustomerDetail = Schemas['CustomerDetailResponse'];
export type Statement = Schemas['StatementResponse'];
export type StatementEntry = Schemas['StatementEntry'];
export type CustomerPage = Schemas['CustomerPage'];
export type CreateCustomer = Schemas['CreateCustomerDto'];
export type UpdateCustomer = Schemas['UpdateCustomerDto'];
export type Payment = Schemas['PaymentResponse'];
export type PaymentPage = Schemas['PaymentPage'];
export type PaymentMethod = Payment['method'];
export type CreatePayment = Schemas['CreatePaymentDto'];
export type Reassignment = Schemas['ReassignmentResponse'];
export type ReassignPayment = Schemas['ReassignPaymentDto'];
export type AllocatePayment = Schemas['AllocatePaymentDto'];
export type Suggestion = Schemas['SuggestionResponse'];
export type SuggestionReason = Schemas['SuggestionReason'];
export type ImportReport = Schemas['ImportReport'];
export type RejectedRow = Schemas['RejectedRow'];
export type Token = Schemas['TokenResponse'];
export type ErrorBody = Schemas['ErrorResponse'];

export const PAYMENT_METHODS = [
  'mpesa',
  'cash',
  'bank',
  'card',
  'other',
] as const satisfies readonly PaymentMethod[];

/** An error answer of the API, with its stable `code` and its messages for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Validation errors come as one message per problem, each starting with the field's name. */
  readonly messages: string[];
  /** The API's X-Request-Id for this answer: what support looks up in the logs. */
  readonly requestId: string | null;

  constructor(status: number, body: unknown, requestId: string | null = null) {
    const parsed = parseErrorBody(body);
    const messages = parsed?.messages ?? [`The server answered with status ${status}.`];
    super(messages.join('; '));
    this.name = 'ApiError';
    this.status = status;
    this.code = parsed?.code ?? 'UNKNOWN_ERROR';
    this.messages = messages;
    this.requestId = requestId;
  }

  /** The messages about one field of the request body, e.g. `phone`. */
  messagesFor(field: string): string[] {
    return this.messages.filter((message) => message.split(/\s/, 1)[0] === field);
  }
}

function parseErrorBody(body: unknown): { code: string; messages: string[] } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { code, message } = body as Partial<ErrorBody>;
  if (typeof code !== 'string') return undefined;
  const messages = Array.isArray(message) ? message : [String(message ?? code)];
  return { code, messages };
}

export interface ApiClientOptions {
  /** Where the API (or a same-origin proxy to it) answers, e.g. `/api` in the browser. */
  baseUrl: string;
  headers?: Record<string, string>;
  /** Called when the API answers 401: the session is missing or expired. */
  onUnauthorized?: () => void;
}

export function createApiClient({ baseUrl, headers, onUnauthorized }: ApiClientOptions) {
  const client = createClient<paths>({ baseUrl, headers });
  if (onUnauthorized) {
    const unauthorized: Middleware = {
      onResponse({ response }) {
        if (response.status === 401) onUnauthorized();
        return undefined;
      },
    };
    client.use(unauthorized);
  }
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Resolves to the response's data, or rejects with an ApiError carrying the API's error body. */
export async function unwrap<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) {
    throw new ApiError(response.status, error, response.headers.get('x-request-id'));
  }
  return data as T;
}
