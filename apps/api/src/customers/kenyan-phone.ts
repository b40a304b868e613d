// Kenyan mobile numbers as people write them (0712 345 678, 254712345678, +254 112 345 678)
// to E.164 (+254712345678), the one form that is stored, compared and returned.

const KENYAN_MOBILE = /^(?:\+?254|0)([17]\d{8})$/;

/** Returns the E.164 form, or null when the text is not a Kenyan mobile number. */
export function normalizeKenyanPhone(text: string): string | null {
  const compact = text.replace(/[\s().-]/g, '');
  const match = KENYAN_MOBILE.exec(compact);
  return match ? `+254${match[1]}` : null;
}

export const KENYAN_PHONE_FORMATS = '07XXXXXXXX, 01XXXXXXXX, +2547XXXXXXXX or +2541XXXXXXXX';
