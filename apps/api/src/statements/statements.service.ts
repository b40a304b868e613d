import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { customerNotFound, CustomersService } from '../customers/customers.service';
import { fromMinorUnits } from '../money/money';
import { Payment } from '../payments/payment.schema';
import { StatementEntryType, StatementQuery, StatementResponse } from './dto/statement.dto';

interface Movement {
  at: Date;
  type: StatementEntryType;
  amountMinor: number;
  paymentId: Types.ObjectId;
  reference: string | null;
  counterparty: Types.ObjectId | null;
  reason: string | null;
}

/** The customer's side of one payment: received, moved in or out, allocated; from its history. */
function movementsOf(
  payment: Payment & { _id: Types.ObjectId },
  customer: Types.ObjectId,
): Movement[] {
  const common = { paymentId: payment._id, reference: payment.reference };
  const history = payment.reassignments;
  const firstOwner = history.length > 0 ? history[0].fromCustomerId : payment.customerId;
  const movements: Movement[] = [];
  if (firstOwner?.equals(customer)) {
    movements.push({
      ...common,
      at: payment.paidAt,
      type: 'payment_received',
      amountMinor: payment.amountMinor,
      counterparty: null,
      reason: null,
    });
  }
  for (const entry of history) {
    if (entry.fromCustomerId?.equals(customer)) {
      movements.push({
        ...common,
        at: entry.at,
        type: 'reassigned_out',
        amountMinor: -payment.amountMinor,
        counterparty: entry.toCustomerId,
        reason: entry.reason,
      });
    }
    if (entry.toCustomerId.equals(customer)) {
      movements.push({
        ...common,
        at: entry.at,
        type: entry.fromCustomerId ? 'reassigned_in' : 'allocated',
        amountMinor: payment.amountMinor,
        counterparty: entry.fromCustomerId,
        reason: entry.reason,
      });
    }
  }
  return movements;
}

/**
 * Statements are derived from the payments and their histories, never kept as balances, so a
 * reassignment shows in both customers' statements by construction.
 */
@Injectable()
export class StatementsService {
  constructor(
    @InjectModel(Payment.name) private readonly payments: Model<Payment>,
    private readonly customers: CustomersService,
  ) {}

  async statement(customerId: string, query: StatementQuery): Promise<StatementResponse> {
    if (!(await this.customers.exists(customerId))) throw customerNotFound();
    const id = new Types.ObjectId(customerId);
    const payments = await this.payments
      .find(
        {
          $or: [
            { customerId: id },
            { 'reassignments.fromCustomerId': id },
            { 'reassignments.toCustomerId': id },
          ],
        },
        { providerPayload: 0 },
      )
      .lean();
    const movements = payments
      .flatMap((payment) => movementsOf(payment, id))
      .sort(
        (a, b) =>
          a.at.getTime() - b.at.getTime() ||
          a.paymentId.toString().localeCompare(b.paymentId.toString()),
      );

    const from = query.from ? new Date(query.from) : null;
    const to = query.to ? new Date(query.to) : null;
    let balance = 0;
    for (const m of movements) if (from && m.at < from) balance += m.amountMinor;
    const opening = balance;
    const entries = movements
      .filter((m) => (!from || m.at >= from) && (!to || m.at < to))
      .map((m) => {
        balance += m.amountMinor;
        return {
          at: m.at.toISOString(),
          type: m.type,
          amount: fromMinorUnits(m.amountMinor),
          balance: fromMinorUnits(balance),
          paymentId: m.paymentId.toString(),
          reference: m.reference,
          counterpartyCustomerId: m.counterparty?.toString() ?? null,
          reason: m.reason,
        };
      });
    return {
      customerId,
      currency: 'KES',
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      openingBalance: fromMinorUnits(opening),
      closingBalance: fromMinorUnits(balance),
      entries,
    };
  }
}
