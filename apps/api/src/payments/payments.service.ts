import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types, isValidObjectId } from 'mongoose';
import { customerNotFound, CustomersService } from '../customers/customers.service';
import { isDuplicateKeyError } from '../database/duplicate-key';
import { badRequest, conflict, notFound } from '../http/api-error';
import { toMinorUnits } from '../money/money';
import { Page, decodeCursor, encodeCursor, invalidCursor } from '../paging/cursor';
import { CreatePaymentDto, ListPaymentsQuery, ReassignPaymentDto } from './dto/payment.dto';
import { PaymentResponse } from './dto/payment.response';
import { Payment, Reassignment } from './payment.schema';

const paymentNotFound = () => notFound('PAYMENT_NOT_FOUND', 'Payment not found');
const notOwnedBySource = () =>
  conflict(
    'PAYMENT_NOT_OWNED_BY_SOURCE',
    'The payment does not belong to the source customer (it may have just been moved by someone else)',
  );

@Injectable()
export class PaymentsService implements OnModuleInit {
  constructor(
    @InjectModel(Payment.name) private readonly payments: Model<Payment>,
    private readonly customers: CustomersService,
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
    const _id = new Types.ObjectId();
    try {
      const payment = await this.payments.create({
        _id,
        amountMinor,
        currency: dto.currency ?? 'KES',
        customerId: new Types.ObjectId(customerId),
        reference: dto.reference ?? null,
        referenceKey: dto.reference ? dto.reference.toUpperCase() : `-${_id.toString()}`,
        method: dto.method ?? 'other',
        paidAt: dto.paidAt ? new Date(dto.paidAt) : new Date(),
        payerPhone: dto.payerPhone ?? null,
        note: dto.note || null,
      });
      return PaymentResponse.of(payment);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw conflict('DUPLICATE_REFERENCE', 'A payment with this reference is already recorded');
      }
      throw error;
    }
  }

  async list(query: ListPaymentsQuery): Promise<Page<PaymentResponse>> {
    const conditions: FilterQuery<Payment>[] = [];
    if (query.customerId) conditions.push({ customerId: new Types.ObjectId(query.customerId) });
    if (query.from) conditions.push({ paidAt: { $gte: new Date(query.from) } });
    if (query.to) conditions.push({ paidAt: { $lt: new Date(query.to) } });
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor, ['at', 'id']);
      const paidAt = new Date(at);
      if (!isValidObjectId(id) || Number.isNaN(paidAt.getTime())) throw invalidCursor();
      conditions.push({
        $or: [{ paidAt: { $lt: paidAt } }, { paidAt, _id: { $lt: new Types.ObjectId(id) } }],
      });
    }
    const rows = await this.payments
      .find(conditions.length ? { $and: conditions } : {})
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
    if (!payment.customerId.equals(sourceCustomerId)) throw notOwnedBySource();
    if (!(await this.customers.claimForPayment(targetCustomerId))) {
      throw notFound('TARGET_CUSTOMER_NOT_FOUND', 'Target customer not found');
    }

    const source = new Types.ObjectId(sourceCustomerId);
    const target = new Types.ObjectId(targetCustomerId);
    const entry: Reassignment = {
      fromCustomerId: source,
      toCustomerId: target,
      reason: dto.reason || null,
      by: new Types.ObjectId(userId),
      at: new Date(),
    };
    const moved = await this.payments
      .findOneAndUpdate(
        { _id: paymentId, customerId: source },
        { $set: { customerId: target }, $push: { reassignments: entry } },
        { new: true },
      )
      .lean();
    if (!moved) throw notOwnedBySource();
    return PaymentResponse.of(moved);
  }
}
