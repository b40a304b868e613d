// An M-Pesa payment to an account number nobody has waits, unallocated, until a member of staff
// credits it to the customer it was meant for.
import type { Customer } from '@malipo/api-client';
import { expect, post, screenshots, signedInStaff, test, unique, uniquePhone } from './fixtures';

test('an unallocated M-Pesa payment is allocated to the right customer', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Wanjiru Kariuki',
    phone: uniquePhone(),
  });
  const reference = unique('RKU').toUpperCase();
  const callback = await page.request.post(
    `/api/integrations/mpesa/c2b/${process.env.MALIPO_MPESA_TOKEN}/confirmation`,
    {
      data: {
        TransactionType: 'Pay Bill',
        TransID: reference,
        TransTime: '20261204101530',
        TransAmount: '850.00',
        BillRefNumber: '999999',
        FirstName: 'WANJIRU',
        LastName: 'KARIUKI',
      },
    },
  );
  expect(callback.status(), await callback.text()).toBe(200);

  await page.goto('/payments');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Unallocated (unknown account)' }).click();
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row.getByText('Unallocated')).toBeVisible();
  await row.getByRole('link', { name: /^Allocate payment/ }).click();

  await expect(page.getByText('Not credited to anyone yet')).toBeVisible();
  await page.getByRole('button', { name: 'Allocate payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Allocate payment' });
  await expect(dialog.getByText('999999')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Credit to customer' }).fill(customer.accountNumber);
  await page.getByRole('option', { name: new RegExp(customer.name) }).click();
  await dialog.getByLabel('Reason').fill('Account number typed wrongly; payer name matches');
  await screenshots(page, 'allocate-dialog', false);
  await dialog.getByRole('button', { name: 'Review allocation' }).click();
  await expect(dialog.getByTestId('allocate-confirmation')).toHaveText(
    `Credit KES 850.00 to ${customer.name}`,
  );
  await dialog.getByRole('button', { name: 'Allocate payment' }).click();
  await expect(dialog).toBeHidden();

  const history = page.getByRole('region', { name: 'Reassignment history' });
  await expect(history.getByText('Allocated', { exact: true })).toBeVisible();
  await expect(history.getByRole('link', { name: customer.name })).toBeVisible();
  await expect(page.getByText('Not credited to anyone yet')).toBeHidden();

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByTestId('total-paid')).toHaveText('KES 850.00');
  await expect(
    page
      .getByRole('region', { name: 'Statement', exact: true })
      .getByRole('row', { name: /Allocated from the unallocated queue/ }),
  ).toContainText('KES 850.00');
});
