// Payments in and out as CSV files: an import reports what it created, skipped and refused, and
// creates nothing the second time; the export downloads the rows the list shows.
import { readFileSync } from 'node:fs';
import type { Customer } from '@malipo/api-client';
import type { Request } from '@playwright/test';
import { expect, post, screenshots, signedInStaff, test, unique, uniquePhone } from './fixtures';

test('importing a file reports duplicates and bad rows, and a second import creates nothing', async ({
  page,
}) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Kipchoge Rotich',
    phone: uniquePhone(),
  });
  const [paid, unknown] = [unique('IMPA').toUpperCase(), unique('IMPB').toUpperCase()];
  const csv = [
    'reference,paid_at,amount,account_number,payer_phone,payer_name',
    `${paid},2026-12-03 09:15:00,"1,200.00",${customer.accountNumber},0712345678,KIPCHOGE ROTICH`,
    `${unknown},2026-12-03 10:00:00,300.00,99999999,,JANE DOE`,
    `${paid},2026-12-03 09:15:00,"1,200.00",${customer.accountNumber},0712345678,KIPCHOGE ROTICH`,
    `${unique('IMPC').toUpperCase()},2026-12-03 11:00:00,lots,${customer.accountNumber},,`,
  ].join('\n');
  const file = { name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

  await page.goto('/payments/import');
  await expect(page.getByRole('link', { name: 'Download the CSV template' })).toBeVisible();
  const template = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the CSV template' }).click();
  expect(readFileSync(await (await template).path(), 'utf8')).toContain('reference,paid_at');

  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const report = page.getByRole('region', { name: 'Import report: statement.csv' });
  await expect(report.getByText('Rows read')).toBeVisible();
  const facts = report.getByTestId('import-report');
  await expect(facts).toContainText('Rows read4');
  await expect(facts).toContainText('Created2');
  await expect(facts).toContainText('Duplicates1');
  await expect(facts).toContainText('Unallocated1');
  await expect(facts).toContainText('Rejected1');
  const rejected = report.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row', { name: /^5 Amount must be/ })).toBeVisible();
  await expect(report.getByRole('link', { name: 'Go to the Unallocated page' })).toBeVisible();
  await screenshots(page, 'import-report');

  // The same file again: everything is a duplicate now, and the bad row is still refused.
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect(facts).toContainText('Created0');
  await expect(facts).toContainText('Duplicates3');
  await expect(facts).toContainText('Rejected1');

  await expect(report.getByRole('link', { name: 'Go to the Unallocated page' })).toBeHidden();
  await page.goto('/unallocated');
  await expect(page.getByRole('article', { name: new RegExp(unknown) })).toBeVisible();
});

test('the export downloads the filtered payments as CSV', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Chebet Kiprono',
    phone: uniquePhone(),
  });
  const references = [unique('EXPA').toUpperCase(), unique('EXPB').toUpperCase()];
  for (const [index, reference] of references.entries()) {
    await post(page, '/payments', {
      customerId: customer.id,
      amount: 250 * (index + 1),
      reference,
      paidAt: '2026-12-02T07:00:00.000Z',
    });
  }

  await page.goto('/payments');
  await page.getByRole('combobox', { name: 'Customer' }).fill(customer.accountNumber);
  await page.getByRole('option', { name: new RegExp(customer.name) }).click();
  await expect(page.getByRole('row', { name: new RegExp(references[0]) })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^malipo-payments-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines).toHaveLength(3);
  for (const reference of references) expect(csv).toContain(reference);
  expect(csv).toContain('500.00');
});

test('Export CSV after the session expired asks to sign in again instead of saving an error', async ({
  page,
  context,
}) => {
  const staff = await signedInStaff(page);
  const inFlight = new Set<Request>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) inFlight.add(request);
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  // A day with no payments: rows would look their customers up, later than the list, and with
  // the expired session those look-ups would go to sign-in before the export does.
  await page.goto('/payments?from=2001-01-01&to=2001-01-01');
  await expect(page.getByText('No payment matches these filters.')).toBeVisible();
  await expect(page.getByText(staff.name)).toBeVisible();
  await expect.poll(() => inFlight.size).toBe(0);

  const [cookie] = await context.cookies();
  await context.addCookies([{ ...cookie, value: 'expired.token.value' }]);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.getByRole('link', { name: 'Export CSV' }).click();
  // Back to the same filtered list after signing in.
  await expect(page).toHaveURL(
    /\/sign-in\?next=%2Fpayments%3Ffrom%3D2001-01-01%26to%3D2001-01-01$/,
  );
  expect(downloads).toEqual([]);
});
