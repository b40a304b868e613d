// The done-criterion of the M-Pesa work: a confirmation for an account number nobody has waits
// on the Unallocated page, and is credited to the suggested customer in two clicks.
import type { Customer } from '@malipo/api-client';
import { expect, post, screenshots, signedInStaff, test, unique, uniquePhone } from './fixtures';

/** The account number with its first two differing neighbours swapped: a typo nobody owns. */
function swapped(accountNumber: string): string {
  const digits = [...accountNumber];
  const at = digits.findIndex((digit, index) => index > 0 && digit !== digits[index - 1]);
  [digits[at - 1], digits[at]] = [digits[at], digits[at - 1]];
  return digits.join('');
}

test('an M-Pesa payment to a mistyped account is allocated from a suggestion in two clicks', async ({
  page,
}) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Wairimu Njoroge',
    phone: uniquePhone(),
  });
  const typed = swapped(customer.accountNumber);
  const reference = unique('RKV').toUpperCase();
  const callback = await page.request.post(
    `/api/integrations/mpesa/c2b/${process.env.MALIPO_MPESA_TOKEN}/confirmation`,
    {
      data: {
        TransactionType: 'Pay Bill',
        TransID: reference,
        TransTime: '20261204143000',
        TransAmount: '1500.00',
        BillRefNumber: typed,
        MSISDN: '2547 ***** 126',
        FirstName: 'WAIRIMU',
        LastName: 'NJOROGE',
      },
    },
  );
  expect(callback.status(), await callback.text()).toBe(200);
  expect(await callback.json()).toEqual({ ResultCode: 0, ResultDesc: 'Success' });

  await page.goto('/unallocated');
  await expect(page.getByRole('link', { name: /^Unallocated/ })).toBeVisible();
  const card = page.getByRole('article', { name: new RegExp(reference) });
  await expect(card.getByText(typed, { exact: true })).toBeVisible();
  await expect(card.getByText(/^WAIRIMU NJOROGE/)).toBeVisible();
  await expect(card.getByText(/14:30/)).toBeVisible();
  const allocate = card.getByRole('button', { name: `Allocate KES 1,500.00 to ${customer.name}` });
  await expect(allocate).toBeVisible();
  await expect(card.getByText(/^Account number: /).first()).toBeVisible();
  await screenshots(page, 'unallocated');

  // First click.
  await allocate.click();
  const dialog = page.getByRole('dialog', { name: 'Allocate payment' });
  await expect(dialog.getByTestId('allocate-confirmation')).toHaveText(
    `Allocate KES 1,500.00 to ${customer.name}`,
  );
  await screenshots(page, 'unallocated-confirm', false);
  // Second click.
  await dialog.getByRole('button', { name: 'Confirm allocation' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toBeHidden();

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByTestId('total-paid')).toHaveText('KES 1,500.00');
  await expect(
    page
      .getByRole('region', { name: 'Statement', exact: true })
      .getByRole('row', { name: /Allocated from the unallocated queue/ }),
  ).toContainText(reference);
});

test('allocating a payment somebody else allocated first names its owner', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Otieno Ouma',
    phone: uniquePhone(),
  });
  const reference = unique('RKW').toUpperCase();
  const callback = await page.request.post(
    `/api/integrations/mpesa/c2b/${process.env.MALIPO_MPESA_TOKEN}/confirmation`,
    {
      data: {
        TransID: reference,
        TransTime: '20261204150000',
        TransAmount: '700.00',
        BillRefNumber: swapped(customer.accountNumber),
        FirstName: 'OTIENO',
        LastName: 'OUMA',
      },
    },
  );
  expect(callback.status()).toBe(200);

  await page.goto('/unallocated');
  const card = page.getByRole('article', { name: new RegExp(reference) });
  await card.getByRole('button', { name: `Allocate KES 700.00 to ${customer.name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Allocate payment' });
  await expect(dialog.getByTestId('allocate-confirmation')).toBeVisible();

  // Meanwhile, somebody else allocates it.
  const list = await page.request.get('/api/payments?status=unallocated&limit=200');
  const { items } = (await list.json()) as { items: { id: string; reference: string }[] };
  const payment = items.find((item) => item.reference === reference);
  expect(payment).toBeDefined();
  const first = await page.request.post(`/api/payments/${payment?.id}/allocate`, {
    data: { customerId: customer.id },
  });
  expect(first.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Confirm allocation' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Somebody else allocated this payment');
  await expect(dialog.getByRole('link', { name: customer.name })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();
});

test('a payment that arrives while the queue is open shows up without a reload', async ({
  page,
}) => {
  // Time runs as usual, but the test can jump it forward to the next look at the queue.
  await page.clock.install();
  await signedInStaff(page);
  await page.goto('/unallocated');
  await expect(page.getByRole('heading', { name: 'Unallocated payments' })).toBeVisible();
  await expect(page.getByLabel('Loading unallocated payments')).toBeHidden();

  const reference = unique('RKW').toUpperCase();
  const callback = await page.request.post(
    `/api/integrations/mpesa/c2b/${process.env.MALIPO_MPESA_TOKEN}/confirmation`,
    {
      data: {
        TransactionType: 'Pay Bill',
        TransID: reference,
        TransTime: '20261204160500',
        TransAmount: '750.00',
        BillRefNumber: 'NOBODY-1',
        MSISDN: '2547 ***** 880',
        FirstName: 'KAMAU',
      },
    },
  );
  expect(callback.status(), await callback.text()).toBe(200);
  const card = page.getByRole('article', { name: new RegExp(reference) });
  await expect(card).toBeHidden();

  await page.clock.fastForward('00:31');
  await expect(card).toBeVisible();
});
