// The session lives in an httpOnly cookie; without a valid one, any page leads to sign-in and
// back to where the member of staff was.
import type { Customer } from '@malipo/api-client';
import { expect, post, signedInStaff, test, uniquePhone } from './fixtures';

test('the session cookie cannot be read by scripts', async ({ page, context }) => {
  await signedInStaff(page);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'malipo_session', httpOnly: true, sameSite: 'Lax' });
  await page.goto('/customers');
  expect(await page.evaluate(() => document.cookie)).not.toContain('malipo_session');
});

test('an expired session returns to sign-in, then back to the page', async ({ page, context }) => {
  const staff = await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Kiprop Langat',
    phone: uniquePhone(),
  });
  // A token the API no longer accepts, as after expiry: the API answers 401.
  const [cookie] = await context.cookies();
  await context.addCookies([{ ...cookie, value: 'expired.token.value' }]);

  await page.goto(`/customers/${customer.id}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill(staff.email);
  await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Password' }).fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
});

test('what is typed before the scripts arrive is not lost', async ({ page, context }) => {
  const staff = await signedInStaff(page);
  await context.clearCookies();
  // A slow mobile connection: the server's HTML is on screen seconds before React runs it.
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((done) => setTimeout(done, 2_000));
    await route.continue();
  });
  await page.goto('/sign-in', { waitUntil: 'commit' });
  await page.getByLabel('Email').fill(staff.email);
  await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(staff.email);
});

test('signing out ends the session', async ({ page }) => {
  await signedInStaff(page);
  await page.goto('/payments');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/payments');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpayments$/);
});
