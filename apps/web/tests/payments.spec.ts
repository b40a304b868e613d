// The payments list narrows down by customer and by day (Nairobi days, whatever the browser's
// time zone is).
import type { Customer } from '@malipo/api-client';
import { expect, post, signedInStaff, test, unique, uniquePhone } from './fixtures';

test('payments can be filtered by customer and by date range', async ({ page }) => {
  await signedInStaff(page);
  const [first, second] = await Promise.all(
    ['Mumbi Wanjiru', 'Omondi Ochieng'].map((name) =>
      post<Customer>(page, '/customers', { name, phone: uniquePhone() }),
    ),
  );
  const early = unique('EARLY').toUpperCase();
  const late = unique('LATE').toUpperCase();
  // 23:30 in Nairobi on 1 March is still 1 March there, though it is 20:30 UTC.
  await post(page, '/payments', {
    customerId: first.id,
    amount: 100,
    reference: early,
    paidAt: '2026-03-01T20:30:00.000Z',
  });
  await post(page, '/payments', {
    customerId: second.id,
    amount: 200,
    reference: late,
    paidAt: '2026-03-02T08:00:00.000Z',
  });

  await page.goto('/payments');
  await page.getByRole('combobox', { name: 'Customer' }).fill(first.accountNumber);
  await page.getByRole('option', { name: new RegExp(first.name) }).click();
  await expect(page.getByRole('row', { name: new RegExp(early) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(late) })).toBeHidden();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  // Typed as people write a day here, and shown the same way whatever the browser's language.
  await page.getByRole('textbox', { name: 'From' }).fill('2 Mar 2026');
  await page.getByRole('textbox', { name: 'To' }).fill('2 Mar 2026');
  await expect(page.getByRole('row', { name: new RegExp(late) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(early) })).toBeHidden();

  await page.getByRole('textbox', { name: 'From' }).fill('1 Mar 2026');
  await page.getByRole('textbox', { name: 'To' }).fill('1 Mar 2026');
  await expect(page).toHaveURL(/from=2026-03-01&to=2026-03-01/);
  await expect(page.getByRole('row', { name: new RegExp(early) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(late) })).toBeHidden();

  // The filters are kept in the address: Back from a payment, or a reload, shows the same list.
  await page.getByRole('combobox', { name: 'Customer' }).fill(first.accountNumber);
  await page.getByRole('option', { name: new RegExp(first.name) }).click();
  await expect(page).toHaveURL(new RegExp(`customer=${first.id}`));
  await page
    .getByRole('row', { name: new RegExp(early) })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'KES 100.00' })).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(
    new RegExp(first.name),
  );
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue('1 Mar 2026');
  await expect(page.getByRole('textbox', { name: 'To' })).toHaveValue('1 Mar 2026');
  await expect(page.getByRole('row', { name: new RegExp(early) })).toBeVisible();
});

test('a server failure is explained with the reference support needs', async ({ page }) => {
  await signedInStaff(page);
  // What the API answers when something unexpected breaks; the detail stays in its log.
  await page.route('**/api/payments?*', (route) =>
    route.fulfill({
      status: 500,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-for-support-7' },
      body: JSON.stringify({
        statusCode: 500,
        error: 'Internal Server Error',
        code: 'INTERNAL_ERROR',
        message: 'Internal server error',
      }),
    }),
  );
  await page.goto('/payments?status=allocated');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load payments' })).toHaveText(
    'Could not load payments: Internal server error. If it happens again, tell support the reference req-for-support-7.',
  );
});
