// The API's own schemas and document rules, loaded from its build (`apps/api/dist`, made by
// `npm run build -w @malipo/api`) and typed from its sources. The build is what runs, and it
// carries the decorator metadata that the Mongoose schemas are made from (tsx cannot emit it),
// so seeded documents have exactly the shape the API writes, without a second list of fields.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export const apiDir = resolve(__dirname, '../../apps/api');
export const apiMain = resolve(apiDir, 'dist/main.js');

const loadBuilt = createRequire(__filename);

function built<T>(path: string): T {
  const file = resolve(apiDir, 'dist', `${path}.js`);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the API first (npm run build -w @malipo/api).`);
  }
  return loadBuilt(file) as T;
}

export const customerSchema = built<typeof import('../../apps/api/src/customers/customer.schema')>(
  'customers/customer.schema',
);
export const accountNumber = built<typeof import('../../apps/api/src/customers/account-number')>(
  'customers/account-number',
);
export const paymentSchema =
  built<typeof import('../../apps/api/src/payments/payment.schema')>('payments/payment.schema');
export const money = built<typeof import('../../apps/api/src/money/money')>('money/money');
export const cursor = built<typeof import('../../apps/api/src/paging/cursor')>('paging/cursor');
export const customerPhone =
  built<typeof import('../../apps/api/src/customers/kenyan-phone')>('customers/kenyan-phone');
export const appFactory = built<typeof import('../../apps/api/src/app.factory')>('app.factory');
export const paymentsService = built<
  Partial<typeof import('../../apps/api/src/payments/payments.service')>
>('payments/payments.service');
