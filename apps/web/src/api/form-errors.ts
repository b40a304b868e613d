// Turns an API error into words next to the fields it concerns. Validation messages start with
// the field's name ("phone must be a Kenyan mobile number …"); known codes map to one field;
// whatever fits no field is shown next to the form's button.
import { ApiError } from '@malipo/api-client';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export type CodeMessages = Record<string, { field?: string; message: string }>;

export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export function describeError(error: unknown, byCode: CodeMessages = {}): string {
  if (!(error instanceof ApiError)) {
    return 'The server could not be reached. Check your connection and try again.';
  }
  const message = byCode[error.code]?.message ?? error.messages.map(sentence).join('. ');
  // A server failure is for support to look into: give them the id the API logged it under.
  return error.status >= 500 && error.requestId
    ? `${message.replace(/\.?$/, '.')} If it happens again, tell support the reference ${error.requestId}.`
    : message;
}

export function formErrorsFrom(
  error: unknown,
  fields: readonly string[],
  byCode: CodeMessages = {},
): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: describeError(error) };
  const known = byCode[error.code];
  if (known) {
    return known.field
      ? { fields: { [known.field]: known.message }, form: null }
      : { fields: {}, form: known.message };
  }
  if (error.status >= 500) return { fields: {}, form: describeError(error) };
  const result: FormErrors = { fields: {}, form: null };
  const unplaced: string[] = [];
  for (const message of error.messages) {
    const field = fields.find((name) => error.messagesFor(name).includes(message));
    if (field) result.fields[field] = sentence(message);
    else unplaced.push(sentence(message));
  }
  if (unplaced.length > 0) result.form = unplaced.join('. ');
  return result;
}
