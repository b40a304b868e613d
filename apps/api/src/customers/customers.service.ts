import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types, isValidObjectId, trusted } from 'mongoose';
import { isDuplicateKeyError } from '../database/duplicate-key';
import { badRequest, conflict, notFound } from '../http/api-error';
import { Page, decodeCursor, encodeCursor, invalidCursor } from '../paging/cursor';
import { FIRST_ACCOUNT_SEQUENCE, accountNumberFor } from './account-number';
import { Counter, Customer, CustomerEdit, EDITABLE_FIELDS, absentKey } from './customer.schema';
import { CreateCustomerDto, ListCustomersQuery, UpdateCustomerDto } from './dto/customer.dto';
import { fromMinorUnits } from '../money/money';
import { Payment } from '../payments/payment.schema';
import {
  CustomerDetailResponse,
  CustomerEditResponse,
  CustomerResponse,
} from './dto/customer.response';
import { normalizeKenyanPhone } from './kenyan-phone';

const ACCOUNT_SEQUENCE = 'customers.accountNumber';

export const customerNotFound = () => notFound('CUSTOMER_NOT_FOUND', 'Customer not found');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Part of a number as people type it ("0712 34") to a pattern over stored E.164 numbers. */
function phoneFragment(search: string): RegExp {
  const digits = search.replace(/\D/g, '');
  return digits.startsWith('0') ? new RegExp(`^\\+254${digits.slice(1)}`) : new RegExp(digits);
}

function requireContact(email: string | null, phone: string | null): void {
  if (!email && !phone) throw badRequest('VALIDATION_FAILED', ['email or phone is required']);
}

@Injectable()
export class CustomersService implements OnModuleInit {
  constructor(
    @InjectModel(Customer.name) private readonly customers: Model<Customer>,
    @InjectModel(Counter.name) private readonly counters: Model<Counter>,
    @InjectModel(Payment.name) private readonly payments: Model<Payment>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.customers.init();
  }

  async create(dto: CreateCustomerDto): Promise<CustomerResponse> {
    const email = dto.email ?? null;
    const phone = dto.phone ?? null;
    requireContact(email, phone);
    const _id = new Types.ObjectId();
    const accountNumber = accountNumberFor(await this.nextAccountSequence());
    try {
      const customer = await this.customers.create({
        _id,
        name: dto.name,
        email,
        emailKey: email ?? absentKey(_id),
        phone,
        phoneKey: phone ?? absentKey(_id),
        accountNumber,
      });
      return CustomerResponse.of(customer);
    } catch (error) {
      throw (await this.takenContact(error, email, phone, _id)) ?? error;
    }
  }

  async list(query: ListCustomersQuery): Promise<Page<CustomerResponse>> {
    const conditions: FilterQuery<Customer>[] = [];
    if (query.search) conditions.push({ $or: this.searchConditions(query.search) });
    if (query.cursor) {
      const { id } = decodeCursor(query.cursor, ['id']);
      if (!isValidObjectId(id)) throw invalidCursor();
      conditions.push({ _id: trusted({ $lt: new Types.ObjectId(id) }) });
    }
    const rows = await this.customers
      .find(conditions.length ? { $and: conditions } : {})
      .sort({ _id: -1 })
      .limit(query.limit + 1)
      .lean();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((c) => CustomerResponse.of(c)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ id: last._id.toString() }) : null,
    };
  }

  async get(id: string): Promise<CustomerDetailResponse> {
    const customerId = new Types.ObjectId(id);
    // Counted apart: FerretDB 1.24 answers { $sum: 1 } in $group with 0.
    const [customer, totals, paymentCount] = await Promise.all([
      this.customers.findById(id).lean(),
      this.payments
        .aggregate<{ total: number }>([
          { $match: { customerId } },
          { $group: { _id: null, total: { $sum: '$amountMinor' } } },
        ])
        .exec(),
      this.payments.countDocuments({ customerId }),
    ]);
    if (!customer) throw customerNotFound();
    return {
      ...CustomerResponse.of(customer),
      totalPaid: fromMinorUnits(totals[0]?.total ?? 0),
      paymentCount,
      edits: (customer.edits ?? []).map((edit) => CustomerEditResponse.of(edit)),
    };
  }

  /**
   * Applies an edit and records it (who, when, each field from and to) in the same write. The
   * write applies only if the customer is still as read, so the recorded "from" values are
   * exact even when two members of staff edit at once; the loser reads again and retries.
   */
  async update(id: string, dto: UpdateCustomerDto, userId: string): Promise<CustomerResponse> {
    for (;;) {
      const current = await this.customers.findById(id).lean();
      if (!current) throw customerNotFound();
      const next = {
        name: dto.name ?? current.name,
        email: dto.email === undefined ? current.email : dto.email,
        phone: dto.phone === undefined ? current.phone : dto.phone,
      };
      requireContact(next.email, next.phone);
      const changes = EDITABLE_FIELDS.filter((field) => next[field] !== current[field]).map(
        (field) => ({ field, from: current[field], to: next[field] }),
      );
      if (changes.length === 0) return CustomerResponse.of(current);
      const edit: CustomerEdit = { by: new Types.ObjectId(userId), at: new Date(), changes };
      try {
        const updated = await this.customers
          .findOneAndUpdate(
            { _id: id, name: current.name, email: current.email, phone: current.phone },
            {
              $set: {
                ...next,
                emailKey: next.email ?? absentKey(current._id),
                phoneKey: next.phone ?? absentKey(current._id),
              },
              $push: { edits: edit },
            },
            { new: true },
          )
          .lean();
        if (updated) return CustomerResponse.of(updated);
      } catch (error) {
        throw (await this.takenContact(error, next.email, next.phone, current._id)) ?? error;
      }
    }
  }

  async remove(id: string): Promise<void> {
    const deleted = await this.customers.findOneAndDelete({ _id: id, hasPayments: false }).lean();
    if (deleted) return;
    if (await this.customers.exists({ _id: id })) {
      throw conflict(
        'CUSTOMER_HAS_PAYMENTS',
        'This customer has or had payments and cannot be deleted; reassign them first',
      );
    }
    throw customerNotFound();
  }

  /**
   * Marks the customer as one who has payments, in one atomic write, before a payment is
   * credited to them; false when there is no such customer. Paired with `remove`, which only
   * deletes unmarked customers, no payment can end up pointing at a deleted customer.
   */
  async claimForPayment(id: string | Types.ObjectId): Promise<boolean> {
    const result = await this.customers.updateOne(
      { _id: id },
      { $set: { hasPayments: true } },
      { timestamps: false },
    );
    return result.matchedCount === 1;
  }

  async exists(id: string | Types.ObjectId): Promise<boolean> {
    return (await this.customers.exists({ _id: id })) !== null;
  }

  /** After a unique-index violation: which of the customer's contact details another customer has. */
  private async takenContact(
    error: unknown,
    email: string | null,
    phone: string | null,
    self: Types.ObjectId,
  ): Promise<Error | null> {
    if (!isDuplicateKeyError(error)) return null;
    if (email && (await this.customers.exists({ emailKey: email, _id: trusted({ $ne: self }) }))) {
      return conflict('EMAIL_TAKEN', 'Another customer already has this email');
    }
    if (phone && (await this.customers.exists({ phoneKey: phone, _id: trusted({ $ne: self }) }))) {
      return conflict('PHONE_TAKEN', 'Another customer already has this phone number');
    }
    return null;
  }

  private searchConditions(search: string): FilterQuery<Customer>[] {
    const pattern = new RegExp(escapeRegExp(search), 'i');
    const conditions: FilterQuery<Customer>[] = [
      { name: pattern },
      { email: pattern },
      { accountNumber: search },
    ];
    const phone = normalizeKenyanPhone(search);
    if (phone) conditions.push({ phone });
    else if (/^\+?\d[\d\s-]{2,}$/.test(search)) conditions.push({ phone: phoneFragment(search) });
    return conditions;
  }

  private async nextAccountSequence(): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.counters
          .findOneAndUpdate(
            { _id: ACCOUNT_SEQUENCE },
            { $inc: { seq: 1 } },
            { upsert: true, new: true },
          )
          .lean();
        return FIRST_ACCOUNT_SEQUENCE + counter.seq - 1;
      } catch (error) {
        // Two first-ever creations may both try to insert the counter; the loser retries.
        if (!isDuplicateKeyError(error) || attempt > 3) throw error;
      }
    }
  }
}
