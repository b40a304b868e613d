import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types, isValidObjectId, trusted } from 'mongoose';
import { CustomerMatchingService } from '../customers/customer-matching.service';
import { customerNotFound, CustomersService } from '../customers/customers.service';
import { SuggestionResponse } from '../customers/dto/suggestion.response';
import { isDuplicateKeyError } from '../database/duplicate-key';
import { badRequest, conflict, notFound } from '../http/api-error';
import { toMinorUnits } from '../money/money';
import { Page, decodeCursor, encodeCursor, invalidCursor } from '../paging/cursor';
import {
  AllocatePaymentDto,
  CreatePaymentDto,
  ListPaymentsQuery,
  PaymentFilters,
  ReassignPaymentDto,
} from './dto/payment.dto';
import { PaymentResponse } from './dto/payment.response';
import { Payment, PaymentMethod, Reassignment } from './payment.schema';

const paymentNotFound = () => notFound('PAYMENT_NOT_FOUND', 'Payment not found');
const notOwnedBySource = () =>
  conflict(
    'PAYMENT_NOT_OWNED_BY_SOURCE',
    'The payment does not belong to the source customer (it may have just been moved by someone else)',
  );

/** A payment as it arrives, from staff, a provider or an imported file. */
export interface IncomingPayment {
  amountMinor: number;
  customerId: Types.ObjectId | null;
  reference: string | null;
  method: PaymentMethod;
  paidAt: Date;
  payerPhone?: string | null;
  payerName?: string | null;
  accountReference?: string | null;
  note?: string | null;
  providerPayload?: Record<string, unknown> | null;
}

/** The stored document of a new payment; its unique reference key is derived here only. */
export function paymentDocument(incoming: IncomingPayment): Payment & { _id: Types.ObjectId } {
  const _id = new Types.ObjectId();
  const now = new Date();
  return {
    _id,
    currency: 'KES',
    payerPhone: null,
    payerName: null,
    accountReference: null,
    note: null,
    providerPayload: null,
    ...incoming,
    referenceKey: incoming.reference ? incoming.reference.toUpperCase() : `-${_id.toString()}`,
    reassignments: [],
    createdAt: now,
    updatedAt: now,
  };
}

@Injectable()
export class PaymentsService implements OnModuleInit {
  constructor(
    @InjectModel(Payment.name) private readonly payments: Model<Payment>,
    private readonly customers: CustomersService,
    private readonly matching: CustomerMatchingService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.payments.init();
  }

  async create(dto: CreatePaymentDto): Promise<PaymentResponse> {
    const customerId = dto.customerId ?? dto.customer;
    if (dto.customerId && dto.customer && dto.customerId !== dto.customer) {
      throw badRequest('VALIDATION_FAILED', [
        'give the customer as customerId or customer, not both',
      ]);
    }
    const amountMinor = toMinorUnits(dto.amount);
    if (amountMinor === null) {
      throw badRequest('VALIDATION_FAILED', [
        'amount must be a positive number with at most 2 decimal places',
      ]);
    }
    if (!customerId || !(await this.customers.claimForPayment(customerId)))
      throw customerNotFound();
    const payment = await this.insert({
      amountMinor,
      customerId: new Types.ObjectId(customerId),
      reference: dto.reference ?? null,
      method: dto.method ?? 'other',
      paidAt: dto.paidAt ? new Date(dto.paidAt) : new Date(),
      payerPhone: dto.payerPhone ?? null,
      note: dto.note || null,
    });
    if (!payment)
      throw conflict('DUPLICATE_REFERENCE', 'A payment with this reference is already recorded');
    return PaymentResponse.of(payment);
  }

  /**
   * Stores a payment that arrived for an account number (M-Pesa, an imported file): credited to
   * the customer with that account number, or unallocated when nobody has it. Returns null when
   * a payment with the same reference is already stored, so a repeated delivery stores nothing.
   */
  async receive(incoming: Omit<IncomingPayment, 'customerId'>): Promise<PaymentResponse | null> {
    let customerId = incoming.accountReference
      ? await this.matching.byAccountReference(incoming.accountReference)
      : null;
    if (customerId && !(await this.customers.claimForPayment(customerId))) customerId = null;
    const payment = await this.insert({ ...incoming, customerId });
    return payment && PaymentResponse.of(payment);
  }

  /** Inserts a new payment, or returns null if its reference is already recorded. */
  private async insert(
    incoming: IncomingPayment,
  ): Promise<(Payment & { _id: Types.ObjectId }) | null> {
    const document = paymentDocument(incoming);
    try {
      await this.payments.collection.insertOne(document);
      return document;
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  filter(filters: PaymentFilters): FilterQuery<Payment> {
    const conditions: FilterQuery<Payment>[] = [];
    if (filters.customerId) conditions.push({ customerId: new Types.ObjectId(filters.customerId) });
    if (filters.status)
      conditions.push({
        customerId: filters.status === 'unallocated' ? null : trusted({ $ne: null }),
      });
    if (filters.from) conditions.push({ paidAt: trusted({ $gte: new Date(filters.from) }) });
    if (filters.to) conditions.push({ paidAt: trusted({ $lt: new Date(filters.to) }) });
    return conditions.length ? { $and: conditions } : {};
  }

  async list(query: ListPaymentsQuery): Promise<Page<PaymentResponse>> {
    const conditions = [this.filter(query)];
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor, ['at', 'id']);
      const paidAt = new Date(at);
      if (!isValidObjectId(id) || Number.isNaN(paidAt.getTime())) throw invalidCursor();
      conditions.push({
        $or: [
          { paidAt: trusted({ $lt: paidAt }) },
          { paidAt, _id: trusted({ $lt: new Types.ObjectId(id) }) },
        ],
      });
    }
    const rows = await this.payments
      .find({ $and: conditions })
      .sort({ paidAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((p) => PaymentResponse.of(p)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ at: last.paidAt.toISOString(), id: last._id.toString() })
          : null,
    };
  }

  async get(id: string): Promise<PaymentResponse> {
    const payment = await this.payments.findById(id).lean();
    if (!payment) throw paymentNotFound();
    return PaymentResponse.of(payment);
  }

  /**
   * Moves a payment from the customer it was wrongly credited to (source) to the right one
   * (target). The write is one conditional update of the payment: it applies only if the payment
   * still belongs to the source, and appends the history entry in the same operation, so of
   * concurrent moves exactly one wins and a failed move changes nothing.
   */
  async reassign(dto: ReassignPaymentDto, userId: string): Promise<PaymentResponse> {
    const { paymentId, sourceCustomerId, targetCustomerId } = dto;
    if (sourceCustomerId.toLowerCase() === targetCustomerId.toLowerCase()) {
      throw badRequest('SAME_CUSTOMER', 'sourceCustomerId and targetCustomerId must differ');
    }
    const [payment, sourceExists, targetExists] = await Promise.all([
      this.payments.findById(paymentId, { customerId: 1 }).lean(),
      this.customers.exists(sourceCustomerId),
      this.customers.exists(targetCustomerId),
    ]);
    if (!payment) throw paymentNotFound();
    if (!sourceExists) throw notFound('SOURCE_CUSTOMER_NOT_FOUND', 'Source customer not found');
    if (!targetExists) throw notFound('TARGET_CUSTOMER_NOT_FOUND', 'Target customer not found');
    if (!payment.customerId?.equals(sourceCustomerId)) throw notOwnedBySource();
    if (!(await this.customers.claimForPayment(targetCustomerId))) {
      throw notFound('TARGET_CUSTOMER_NOT_FOUND', 'Target customer not found');
    }
    const source = new Types.ObjectId(sourceCustomerId);
    const moved = await this.moveTo(paymentId, source, targetCustomerId, dto.reason, userId);
    if (!moved) throw notOwnedBySource();
    return PaymentResponse.of(moved);
  }

  /** Credits an unallocated payment to the customer it was meant for; the same kind of conditional write. */
  async allocate(
    paymentId: string,
    dto: AllocatePaymentDto,
    userId: string,
  ): Promise<PaymentResponse> {
    const payment = await this.payments.findById(paymentId, { customerId: 1 }).lean();
    if (!payment) throw paymentNotFound();
    const alreadyAllocated = (ownerId: Types.ObjectId | null) =>
      conflict(
        'PAYMENT_ALREADY_ALLOCATED',
        `The payment is already credited to customer ${ownerId?.toString()}; reassign it instead`,
      );
    if (payment.customerId) throw alreadyAllocated(payment.customerId);
    if (!(await this.customers.claimForPayment(dto.customerId))) throw customerNotFound();
    const allocated = await this.moveTo(paymentId, null, dto.customerId, dto.reason, userId);
    if (allocated) return PaymentResponse.of(allocated);
    const now = await this.payments.findById(paymentId, { customerId: 1 }).lean();
    throw alreadyAllocated(now?.customerId ?? null);
  }

  /** Up to five customers the payment was probably meant for, with the reasons. */
  async suggestions(paymentId: string): Promise<SuggestionResponse[]> {
    const payment = await this.payments.findById(paymentId).lean();
    if (!payment) throw paymentNotFound();
    return this.matching.suggest({
      accountReference: payment.accountReference ?? null,
      payerName: payment.payerName ?? null,
      payerPhone: payment.payerPhone,
      excludeCustomerId: payment.customerId,
    });
  }

  /** The one conditional write behind reassign and allocate: applies only if `from` still owns it. */
  private moveTo(
    paymentId: string,
    from: Types.ObjectId | null,
    to: string,
    reason: string | undefined,
    userId: string,
  ) {
    const target = new Types.ObjectId(to);
    const entry: Reassignment = {
      fromCustomerId: from,
      toCustomerId: target,
      reason: reason || null,
      by: new Types.ObjectId(userId),
      at: new Date(),
    };
    return this.payments
      .findOneAndUpdate(
        { _id: paymentId, customerId: from },
        { $set: { customerId: target }, $push: { reassignments: entry } },
        { new: true },
      )
      .lean();
  }
}
