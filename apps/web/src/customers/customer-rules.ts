// The API's rules for a customer, checked in the browser too so that mistakes show at once.
// The API stays the judge: its answers are shown next to the same fields.
import type { CreateCustomer } from '@malipo/api-client';

export const KENYAN_PHONE_HINT = '07XXXXXXXX, 01XXXXXXXX, +2547XXXXXXXX or +2541XXXXXXXX';
const KENYAN_MOBILE = /^(?:\+?254|0)[17]\d{8}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME_LENGTH = 120;

export interface CustomerValues {
  name: string;
  email: string;
  phone: string;
}

/** Spaces and dashes are how people write numbers ("0712 345 678"); the API wants digits. */
export function compactPhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

export function validateCustomer(
  values: CustomerValues,
): Partial<Record<keyof CustomerValues, string>> {
  const errors: Partial<Record<keyof CustomerValues, string>> = {};
  const name = values.name.trim();
  const email = values.email.trim();
  const phone = compactPhone(values.phone);
  if (!name) errors.name = 'Enter the customer’s name';
  else if (name.length > MAX_NAME_LENGTH) errors.name = `Use at most ${MAX_NAME_LENGTH} characters`;
  if (email && !EMAIL.test(email)) errors.email = 'Enter a valid email address';
  if (phone && !KENYAN_MOBILE.test(phone)) {
    errors.phone = `Enter a Kenyan mobile number: ${KENYAN_PHONE_HINT}`;
  }
  if (!email && !phone) {
    errors.email = 'Give an email or a phone number';
    errors.phone = 'Give a phone number or an email';
  }
  return errors;
}

/** The body for the API: blanks become null so that editing can remove an email or phone. */
export function toCustomerBody(values: CustomerValues): CreateCustomer {
  return {
    name: values.name.trim(),
    email: values.email.trim() || null,
    phone: compactPhone(values.phone) || null,
  };
}
