// Paging needs more customers than a page holds. It runs after the other tests (see the
// projects in playwright.config.ts), so that its 51 customers do not crowd their screenshots.
import type { Customer } from '@malipo/api-client';
import { expect, post, signedInStaff, test, unique } from './fixtures';

test('the customer list pages through the results', async ({ page }) => {
  await signedInStaff(page);
  // Its own names, so that a repeated run (--repeat-each) does not find the last run's customers.
  const prefix = `Paging ${unique('')}`;
  // One more than the API's default page of 50.
  for (let batch = 0; batch < 51; batch += 17) {
    await Promise.all(
      Array.from({ length: 17 }, (_, index) =>
        post<Customer>(page, '/customers', {
          name: `${prefix} ${String(batch + index + 1).padStart(2, '0')}`,
          email: `${unique('paging-')}@example.com`,
        }),
      ),
    );
  }
  await page.goto('/customers');
  // The search is sent after a pause in typing; wait for its answer before paging.
  const searched = page.waitForResponse(
    (response) => new URL(response.url()).searchParams.get('search') === prefix,
  );
  await page.getByRole('textbox', { name: 'Search customers' }).fill(prefix);
  await searched;
  const rows = page.getByRole('row').filter({ hasText: prefix });
  await expect(rows).toHaveCount(50);
  await expect(page.getByText('Page 1')).toBeVisible();

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(rows).toHaveCount(50);
});
