import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { stringify } from 'csv-stringify';
import { Model, Types, trusted } from 'mongoose';
import { Customer } from '../customers/customer.schema';
import { formatMinorUnits } from '../money/money';
import { PaymentFilters } from './dto/payment.dto';
import { Payment } from './payment.schema';
import { PaymentsService } from './payments.service';

const BATCH = 500;
const NAIROBI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Africa/Nairobi',
  dateStyle: 'short',
  timeStyle: 'medium',
});

export const EXPORT_COLUMNS = [
  'id',
  'paid_at_utc',
  'paid_at_nairobi',
  'amount',
  'currency',
  'method',
  'reference',
  'status',
  'customer_id',
  'customer_name',
  'customer_account_number',
  'account_reference',
  'payer_phone',
  'payer_name',
  'note',
  'reassignments',
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; payer names come from
 * M-Pesa, so such text is prefixed with an apostrophe (OWASP's advice for CSV injection).
 */
export function spreadsheetSafe(text: string | null | undefined): string {
  if (!text) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

@Injectable()
export class PaymentExportService {
  constructor(
    @InjectModel(Payment.name) private readonly payments: Model<Payment>,
    @InjectModel(Customer.name) private readonly customers: Model<Customer>,
    private readonly paymentsService: PaymentsService,
  ) {}

  /**
   * The filtered payments as CSV, newest first, streamed from a database cursor in batches so
   * that memory stays flat however many rows there are. UTF-8 with a byte-order mark and CRLF
   * line ends, so that spreadsheet programs open it as intended.
   */
  csv(filters: PaymentFilters): Readable {
    const rows = Readable.from(this.rows(filters));
    const csv = stringify({
      header: true,
      columns: [...EXPORT_COLUMNS],
      bom: true,
      record_delimiter: 'windows',
    });
    rows.on('error', (error) => csv.destroy(error));
    return rows.pipe(csv);
  }

  private async *rows(
    filters: PaymentFilters,
  ): AsyncGenerator<Record<(typeof EXPORT_COLUMNS)[number], string>> {
    const cursor = this.payments
      .find(this.paymentsService.filter(filters), { providerPayload: 0 })
      .sort({ paidAt: -1, _id: -1 })
      .lean()
      .cursor({ batchSize: BATCH });
    let batch: (Payment & { _id: Types.ObjectId })[] = [];
    for await (const payment of cursor) {
      batch.push(payment);
      if (batch.length === BATCH) {
        yield* await this.format(batch);
        batch = [];
      }
    }
    yield* await this.format(batch);
  }

  /** One customer lookup per batch, not per row. */
  private async format(batch: (Payment & { _id: Types.ObjectId })[]) {
    const ids = [...new Set(batch.flatMap((p) => (p.customerId ? [p.customerId.toString()] : [])))];
    const customers = new Map(
      (
        await this.customers
          .find({ _id: trusted({ $in: ids }) }, { name: 1, accountNumber: 1 })
          .lean()
      ).map((c) => [c._id.toString(), c]),
    );
    return batch.map((p) => {
      const customer = p.customerId ? customers.get(p.customerId.toString()) : undefined;
      return {
        id: p._id.toString(),
        paid_at_utc: p.paidAt.toISOString(),
        paid_at_nairobi: NAIROBI.format(p.paidAt),
        amount: formatMinorUnits(p.amountMinor),
        currency: p.currency,
        method: p.method,
        reference: spreadsheetSafe(p.reference),
        status: p.customerId ? 'allocated' : 'unallocated',
        customer_id: p.customerId?.toString() ?? '',
        customer_name: spreadsheetSafe(customer?.name),
        customer_account_number: customer?.accountNumber ?? '',
        account_reference: spreadsheetSafe(p.accountReference),
        payer_phone: p.payerPhone ?? '',
        payer_name: spreadsheetSafe(p.payerName),
        note: spreadsheetSafe(p.note),
        reassignments: String(p.reassignments.length),
      };
    });
  }
}
