import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { parse } from 'csv-parse';
import { Model, Types, mongo, trusted } from 'mongoose';
import { normalizeAccountReference } from '../customers/account-number';
import { Customer } from '../customers/customer.schema';
import { normalizeKenyanPhone } from '../customers/kenyan-phone';
import { isDuplicateKey } from '../database/duplicate-key';
import { badRequest } from '../http/api-error';
import { parseAmountText } from '../money/money';
import { ImportReport } from './dto/import-report.response';
import { Payment } from './payment.schema';
import { IncomingPayment, paymentDocument } from './payments.service';

export const IMPORT_COLUMNS = [
  'reference',
  'paid_at',
  'amount',
  'account_number',
  'payer_phone',
  'payer_name',
] as const;
const REQUIRED_COLUMNS = ['reference', 'paid_at', 'amount', 'account_number'] as const;
export const IMPORT_TEMPLATE =
  `${IMPORT_COLUMNS.join(',')}\r\n` +
  'RKTQDM7W6S,2026-12-04 10:15:30,1500.00,100009,0712345678,JOHN KAMAU\r\n' +
  'RKTQDM7W6T,2026-12-04T07:20:00Z,250.50,10009,,ACHIENG OTIENO\r\n';

const BATCH = 500;
const LISTED_REJECTIONS = 1000;
const NAIROBI_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

type Row = Record<string, string | undefined>;
interface Parsed {
  line: number;
  payment: Omit<IncomingPayment, 'customerId'>;
}

/** "2026-12-04 10:15:30" is Nairobi time, as in M-Pesa statements; ISO 8601 with a zone is as given. */
export function parsePaidAt(text: string): Date | null {
  const local = NAIROBI_LOCAL.exec(text);
  const date = local
    ? new Date(
        `${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6] ?? '00'}+03:00`,
      )
    : /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(text)
      ? new Date(text)
      : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function parseRow(row: Row, line: number): Parsed | { line: number; reason: string } {
  const problems: string[] = [];
  const reference = row.reference?.trim() ?? '';
  if (!/^[A-Za-z0-9-]{4,64}$/.test(reference))
    problems.push('reference must be 4 to 64 letters, digits or dashes');
  const paidAt = parsePaidAt(row.paid_at?.trim() ?? '');
  if (!paidAt)
    problems.push(
      'paid_at must be "YYYY-MM-DD HH:mm:ss" (Nairobi time) or ISO 8601 with a time zone',
    );
  const amountMinor = parseAmountText(row.amount ?? '');
  if (amountMinor === null)
    problems.push(
      'amount must be a positive amount with at most 2 decimal places, at most 10,000,000',
    );
  const accountReference = row.account_number?.trim() ?? '';
  if (!accountReference) problems.push('account_number is empty');
  const phoneText = row.payer_phone?.trim() ?? '';
  const payerPhone = phoneText ? normalizeKenyanPhone(phoneText) : null;
  if (phoneText && !payerPhone) problems.push('payer_phone must be a Kenyan mobile number');
  if (problems.length > 0 || !paidAt || amountMinor === null)
    return { line, reason: problems.join('; ') };
  return {
    line,
    payment: {
      reference: reference.toUpperCase(),
      paidAt,
      amountMinor,
      method: 'mpesa',
      accountReference,
      payerPhone,
      payerName: row.payer_name?.trim() || null,
    },
  };
}

/**
 * Imports a statement file: streamed row by row and written in batches, so memory stays flat
 * for any size; idempotent on reference, so importing a file twice creates nothing the second time.
 */
@Injectable()
export class PaymentImportService {
  constructor(
    @InjectModel(Payment.name) private readonly payments: Model<Payment>,
    @InjectModel(Customer.name) private readonly customers: Model<Customer>,
  ) {}

  async import(file: Readable): Promise<ImportReport> {
    const report: ImportReport = {
      rows: 0,
      created: 0,
      duplicates: 0,
      unallocated: 0,
      rejectedCount: 0,
      rejected: [],
    };
    const reject = (line: number, reason: string) => {
      report.rejectedCount++;
      if (report.rejected.length < LISTED_REJECTIONS) report.rejected.push({ line, reason });
    };
    const parser = file.pipe(
      parse({
        bom: true,
        columns: (header: string[]) => {
          const names = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
          const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
          if (missing.length > 0) {
            throw badRequest(
              'INVALID_CSV',
              `Missing column(s): ${missing.join(', ')}. Expected: ${IMPORT_COLUMNS.join(', ')}`,
            );
          }
          return names;
        },
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
      }),
    );
    file.on('error', (error) => parser.destroy(error));

    let batch: Parsed[] = [];
    const seen = new Set<string>();
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Row;
        info: { lines: number };
      }>) {
        report.rows++;
        const parsed = parseRow(record, info.lines);
        if ('reason' in parsed) {
          reject(parsed.line, parsed.reason);
          continue;
        }
        if (seen.has(parsed.payment.reference!)) {
          report.duplicates++;
          continue;
        }
        seen.add(parsed.payment.reference!);
        batch.push(parsed);
        if (batch.length === BATCH) {
          await this.write(batch, report);
          batch = [];
          // The references of written batches are in the database now; the index finds repeats.
          seen.clear();
        }
      }
    } catch (error) {
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
        throw badRequest('INVALID_CSV', `The file is not valid CSV: ${error.message}`);
      }
      throw error;
    }
    await this.write(batch, report);
    return report;
  }

  private async write(batch: Parsed[], report: ImportReport): Promise<void> {
    if (batch.length === 0) return;
    const typed = [
      ...new Set(batch.map((p) => normalizeAccountReference(p.payment.accountReference!))),
    ];
    const owners = new Map(
      (
        await this.customers
          .find({ accountNumber: trusted({ $in: typed }) }, { accountNumber: 1 })
          .lean()
      ).map((c) => [c.accountNumber, c._id]),
    );
    const documents = batch.map(({ payment }) =>
      paymentDocument({
        ...payment,
        customerId: owners.get(normalizeAccountReference(payment.accountReference!)) ?? null,
      }),
    );
    const credited = [
      ...new Set(documents.flatMap((d) => (d.customerId ? [d.customerId.toString()] : []))),
    ];
    // Mark the customers first, as for any payment (see CustomersService.claimForPayment).
    if (credited.length > 0) {
      await this.customers.updateMany(
        { _id: trusted({ $in: credited.map((id) => new Types.ObjectId(id)) }) },
        { $set: { hasPayments: true } },
        { timestamps: false },
      );
    }
    let failed = new Set<number>();
    try {
      await this.payments.collection.insertMany(documents, { ordered: false });
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
      const writeErrors = [error.writeErrors].flat();
      if (!writeErrors.every((e) => isDuplicateKey(e.code, e.errmsg))) {
        throw error;
      }
      failed = new Set(writeErrors.map((e) => e.index));
    }
    documents.forEach((document, index) => {
      if (failed.has(index)) {
        report.duplicates++;
        return;
      }
      report.created++;
      if (!document.customerId) report.unallocated++;
    });
  }
}
