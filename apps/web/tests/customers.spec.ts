// Customer rules a member of staff meets in the browser: a wrong phone number is caught at the
// field, the API's conflicts are explained at the field, and a customer with payments cannot be
// deleted, with the reason in words.
import type { Customer } from '@malipo/api-client';
import { expect, post, screenshots, signedInStaff, test, unique, uniquePhone } from './fixtures';

test('a bad phone number shows an error at the phone field', async ({ page }) => {
  await signedInStaff(page);
  await page.goto('/customers');
  await page.getByRole('button', { name: 'Add customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByLabel('Name').fill('Otieno Ouma');
  await dialog.getByLabel('Phone').fill('0812 345 678');
  await dialog.getByRole('button', { name: 'Add customer' }).click();

  const phone = dialog.getByRole('textbox', { name: 'Phone' });
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter a Kenyan mobile number')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await screenshots(page, 'customer-form-error', false);

  await phone.fill('0712 345 678');
  await expect(dialog.getByText('Enter a Kenyan mobile number')).toBeHidden();
});

test('a phone number another customer has is refused at the phone field', async ({ page }) => {
  await signedInStaff(page);
  const phone = uniquePhone();
  await post<Customer>(page, '/customers', { name: 'Njeri Wambui', phone });

  await page.goto('/customers');
  await page.getByRole('button', { name: 'Add customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await dialog.getByLabel('Name').fill('Kamau Njoroge');
  await dialog.getByLabel('Phone').fill(phone);
  await dialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(dialog.getByText('Another customer already has this phone number.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Phone' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
});

test('deleting a customer with payments explains why it cannot be done', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Wafula Barasa',
    phone: uniquePhone(),
  });
  await post(page, '/payments', { customerId: customer.id, amount: 700 });

  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByTestId('total-paid')).toHaveText('KES 700.00');
  await page.getByRole('button', { name: 'Delete customer' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${customer.name}?` });
  await dialog.getByRole('button', { name: 'Delete customer' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'This customer has payments, so they cannot be deleted; reassign them first.',
  );
  await screenshots(page, 'delete-customer-refused', false);

  await dialog.getByRole('button', { name: 'Keep customer' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
});

test('a customer without payments can be deleted', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Mutua Kilonzo',
    email: `${unique('mutua-')}@example.com`,
  });
  await page.goto(`/customers/${customer.id}`);
  await page.getByRole('button', { name: 'Delete customer' }).click();
  await page
    .getByRole('dialog', { name: `Delete ${customer.name}?` })
    .getByRole('button', { name: 'Delete customer' })
    .click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('link', { name: customer.name })).toBeHidden();
});

test('search finds a customer by account number', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Chelimo Jepkosgei',
    phone: uniquePhone(),
  });
  await page.goto('/customers');
  await page.getByLabel('Search customers').fill(customer.accountNumber);
  // The search reaches the address (and the API) after a pause in typing.
  await expect(page).toHaveURL(new RegExp(`search=${customer.accountNumber}$`));
  await expect(page.getByRole('link', { name: customer.name })).toBeVisible();
  // Back from the customer's page finds the search as it was left.
  await page.getByRole('link', { name: customer.name }).click();
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Search customers')).toHaveValue(customer.accountNumber);
  await expect(page.getByRole('link', { name: customer.name })).toBeVisible();
  await page.getByLabel('Search customers').fill('nobody-has-this-name');
  await expect(page.getByText('No customer matches')).toBeVisible();
});

test('editing a customer saves the new details', async ({ page }) => {
  await signedInStaff(page);
  const customer = await post<Customer>(page, '/customers', {
    name: 'Atieno Akinyi',
    phone: uniquePhone(),
  });
  await page.goto(`/customers/${customer.id}`);
  await page.getByRole('button', { name: 'Edit customer' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${customer.name}` });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(customer.name);
  const renamed = 'Atieno Odhiambo';
  await dialog.getByRole('textbox', { name: 'Name' }).fill(renamed);
  // A new 01… number, typed with spaces as people do.
  const local = `01${uniquePhone().slice(2)}`;
  const typed = `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}`;
  await dialog.getByRole('textbox', { name: 'Phone' }).fill(typed);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: renamed, exact: true })).toBeVisible();
  await expect(page.getByText(`+254${local.slice(1)}`, { exact: true })).toBeVisible();
  // The edit is kept: what changed, from what, when and by whom.
  const changes = page.getByRole('region', { name: 'Changes to details' });
  await expect(changes.getByText(`Name: ${customer.name} → ${renamed}`)).toBeVisible();
  await expect(changes.getByText(`Phone: ${customer.phone} → +254${local.slice(1)}`)).toBeVisible();
  await expect(changes.getByText(/by you$/)).toBeVisible();
});

test('dialogs work with the keyboard', async ({ page }) => {
  await signedInStaff(page);
  await page.goto('/customers');
  await page.getByRole('button', { name: 'Add customer' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add customer' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Kerubo Moraa');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Phone' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
