// The heart of the product, end to end in the browser: a payment credited to the wrong
// customer is moved to the right one, and both customers' pages and the payment's history show it.
import type { Customer } from '@malipo/api-client';
import {
  expect,
  newStaff,
  post,
  screenshots,
  signedInStaff,
  test,
  unique,
  uniquePhone,
} from './fixtures';

test('a new member of staff signs up, records a payment and reassigns it', async ({ page }) => {
  const staff = newStaff();
  const wrong = { name: 'Achieng Otieno', phone: uniquePhone() };
  const right = { name: 'Brian Mwangi', email: `${unique('brian.mwangi.')}@example.com` };
  const reference = unique('RKT').toUpperCase();

  await test.step('sign up', async () => {
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await screenshots(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill(staff.name);
    await page.getByLabel('Email').fill(staff.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(staff.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  });

  const addCustomer = async (fields: { name: string; phone?: string; email?: string }) => {
    await page.goto('/customers');
    await page.getByRole('button', { name: 'Add customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add customer' });
    await dialog.getByLabel('Name').fill(fields.name);
    if (fields.phone) await dialog.getByLabel('Phone').fill(fields.phone);
    if (fields.email) await dialog.getByLabel('Email').fill(fields.email);
    await dialog.getByRole('button', { name: 'Add customer' }).click();
    await expect(page.getByRole('heading', { name: fields.name })).toBeVisible();
    return page.url();
  };

  let wrongUrl = '';
  let rightUrl = '';
  await test.step('create two customers', async () => {
    wrongUrl = await addCustomer(wrong);
    rightUrl = await addCustomer(right);
    await page.goto('/customers');
    await expect(page.getByRole('link', { name: wrong.name })).toBeVisible();
    await expect(page.getByRole('link', { name: right.name })).toBeVisible();
    await screenshots(page, 'customers');
  });

  await test.step('record a payment for the first customer', async () => {
    await page.goto(wrongUrl);
    await page.getByRole('link', { name: 'Record payment' }).click();
    await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue(
      new RegExp(wrong.name),
    );
    await page.getByLabel('Amount (KES)').fill('1500');
    await page.getByLabel('Reference').fill(reference);
    await page.getByLabel('Paid at (Nairobi time)').fill('2026-12-01T09:30');
    // However the browser shows the field, the day and time are spelled out beneath it.
    await expect(page.getByText('That is 1 Dec 2026, 09:30')).toBeVisible();
    await page.getByLabel('Note').fill('Paid at the Kisumu shop');
    await screenshots(page, 'record-payment');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByRole('heading', { name: 'KES 1,500.00' })).toBeVisible();
    await expect(page.getByText('This payment has never been moved.')).toBeVisible();
  });

  await test.step('reassign it to the second customer with a reason', async () => {
    await page.getByRole('button', { name: 'Reassign payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign payment' });
    await expect(dialog.getByText(reference)).toBeVisible();
    await expect(dialog.getByRole('link', { name: wrong.name })).toBeVisible();

    await dialog.getByRole('button', { name: 'Review move' }).click();
    await expect(dialog.getByText('Pick the customer who should have this payment')).toBeVisible();
    await expect(dialog.getByText('Say why the payment is moved')).toBeVisible();

    await dialog.getByRole('combobox', { name: 'Move to customer' }).fill('Brian');
    await page.getByRole('option', { name: new RegExp(right.name) }).click();
    await dialog.getByLabel('Reason').fill('Customer typed the wrong account number');
    await screenshots(page, 'reassign-dialog', false);
    await dialog.getByRole('button', { name: 'Review move' }).click();
    await expect(dialog.getByTestId('reassign-confirmation')).toHaveText(
      `Move KES 1,500.00 from ${wrong.name} to ${right.name}`,
    );
    await screenshots(page, 'reassign-confirm', false);
    await dialog.getByRole('button', { name: 'Move payment' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the payment’s history shows the move', async () => {
    const history = page.getByRole('region', { name: 'Reassignment history' });
    await expect(
      history.getByText('Reason: Customer typed the wrong account number'),
    ).toBeVisible();
    await expect(history.getByText(/by you$/)).toBeVisible();
    await expect(history.getByRole('link', { name: right.name })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'KES 1,500.00' })).toBeVisible();
    await screenshots(page, 'payment');
  });

  await test.step('both statements show the move, each from its own side', async () => {
    await page.goto(rightUrl);
    await expect(page.getByTestId('total-paid')).toHaveText('KES 1,500.00');
    const payments = page.getByRole('region', { name: 'Payments' });
    await expect(payments.getByRole('cell', { name: 'KES 1,500.00', exact: true })).toBeVisible();
    const statementIn = page.getByRole('region', { name: 'Statement', exact: true });
    const moveIn = statementIn.getByRole('row', {
      name: new RegExp(`Reassigned from ${wrong.name}`),
    });
    await expect(moveIn.getByRole('cell', { name: 'KES 1,500.00' }).first()).toBeVisible();
    await expect(moveIn.getByText('Customer typed the wrong account number')).toBeVisible();
    await expect(statementIn.getByTestId('closing-balance')).toHaveText('KES 1,500.00');
    await screenshots(page, 'customer');

    await page.goto(wrongUrl);
    await expect(page.getByTestId('total-paid')).toHaveText('KES 0.00');
    const statementOut = page.getByRole('region', { name: 'Statement', exact: true });
    await expect(statementOut.getByRole('row', { name: /Payment received/ })).toContainText(
      'KES 1,500.00',
    );
    await expect(
      statementOut.getByRole('row', { name: new RegExp(`Reassigned to ${right.name}`) }),
    ).toContainText('−KES 1,500.00');
    await expect(statementOut.getByTestId('closing-balance')).toHaveText('KES 0.00');
    // What "Print statement" prints: the statement alone.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print statement' })).toBeHidden();
    await expect(page.getByRole('navigation')).toBeHidden();
    await screenshots(page, 'statement-print');
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('the payments list shows it under its new owner', async () => {
    await page.goto('/payments');
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await expect(row.getByRole('link', { name: right.name })).toBeVisible();
    await screenshots(page, 'payments');
  });
});

test('a move that somebody else made first is explained, with the current owner', async ({
  page,
  playwright: { request },
}) => {
  await signedInStaff(page);
  const [a, b, c] = await Promise.all(
    ['Amina Hassan', 'Baraka Kiptoo', 'Chebet Rotich'].map((name) =>
      post<Customer>(page, '/customers', { name, phone: uniquePhone() }),
    ),
  );
  const payment = await post<{ id: string }>(page, '/payments', {
    customerId: a.id,
    amount: 250.5,
  });

  await page.goto(`/payments/${payment.id}`);
  await page.getByRole('button', { name: 'Reassign payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reassign payment' });
  await dialog.getByRole('combobox', { name: 'Move to customer' }).fill(b.accountNumber);
  await page.getByRole('option', { name: new RegExp(b.name) }).click();
  await dialog.getByLabel('Reason').fill('Wrong account number');
  await dialog.getByRole('button', { name: 'Review move' }).click();

  // Meanwhile, a colleague signed in elsewhere moves it to C.
  const colleague = await request.newContext({ baseURL: new URL(page.url()).origin });
  const otieno = { ...newStaff(), name: 'Otieno Ouma' };
  expect((await colleague.post('/api/auth/signup', { data: otieno })).status()).toBe(201);
  expect((await colleague.post('/session', { data: otieno })).status()).toBe(204);
  const moved = await colleague.put('/api/payments/reassign', {
    data: { paymentId: payment.id, sourceCustomerId: a.id, targetCustomerId: c.id, reason: 'x' },
  });
  expect(moved.status()).toBe(200);
  await colleague.dispose();

  await dialog.getByRole('button', { name: 'Move payment' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Somebody else moved this payment first');
  await expect(alert.getByRole('link', { name: c.name })).toBeVisible();

  await page.keyboard.press('Escape');
  const history = page.getByRole('region', { name: 'Reassignment history' });
  await expect(history.getByText(/by Otieno Ouma$/)).toBeVisible();
});
