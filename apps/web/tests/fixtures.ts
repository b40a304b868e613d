// What every browser test shares: the web app's address (known once the global setup has
// started it), a fresh member of staff, and screenshots at both supported widths.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test as base } from '@playwright/test';

const SCREENSHOTS = resolve(__dirname, '../../../docs/screenshots');
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

export const test = base.extend({
  // Known only once the global setup has started the web app on a free port.
  baseURL: async ({ baseURL: configured }, use) => use(process.env.MALIPO_WEB_URL ?? configured),
});
export { expect };

// Each run has a database of its own, so customer names only need to differ between tests (they
// do, by hand, and read like real names in the screenshots); emails, phones and references
// must be unique to the API, so they get random parts.
export function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** A Kenyan mobile number no other test uses. */
export function uniquePhone(): string {
  return `07${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export interface Staff {
  name: string;
  email: string;
  password: string;
}

export function newStaff(): Staff {
  return {
    name: 'Wanjiku Kamau',
    email: `${unique('staff-')}@malipo.test`,
    password: 'correct horse 2026',
  };
}

/** Signs a new member of staff up and in through the web app's own routes, without the forms. */
export async function signedInStaff(page: Page): Promise<Staff> {
  const staff = newStaff();
  expect((await page.request.post('/api/auth/signup', { data: staff })).status()).toBe(201);
  expect((await page.request.post('/session', { data: staff })).status()).toBe(204);
  return staff;
}

/** Creates data through the same proxy the browser uses; returns the created resource. */
export async function post<T>(page: Page, path: string, data: object): Promise<T> {
  const response = await page.request.post(`/api${path}`, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

/** Saves `name`-desktop.png and `name`-phone.png into docs/screenshots. */
export async function screenshots(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    // Let the layout settle after the resize (Mantine's responsive styles, modals' transitions).
    await page.waitForTimeout(400);
    await page.screenshot({
      path: resolve(SCREENSHOTS, `${name}-${label}.png`),
      fullPage,
      // Toasts come and go with timing; they would cover the header in some pictures only.
      style: '.mantine-Notifications-root { display: none !important; }',
    });
  }
  if (original) await page.setViewportSize(original);
}
