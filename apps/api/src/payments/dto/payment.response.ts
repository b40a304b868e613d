import { ApiProperty } from '@nestjs/swagger';
import type { Types } from 'mongoose';
import { fromMinorUnits } from '../../money/money';
import {
  CURRENCIES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type Payment,
  type PaymentMethod,
  type PaymentStatus,
} from '../payment.schema';

export class ReassignmentResponse {
  @ApiProperty({ type: String, nullable: true }) fromCustomerId!: string | null;
  @ApiProperty() toCustomerId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Wrong account number' })
  reason!: string | null;
  @ApiProperty({ description: 'Id of the user who moved it' }) by!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class PaymentResponse {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' }) id!: string;
  @ApiProperty({ example: 1500.5 }) amount!: number;
  @ApiProperty({ enum: CURRENCIES, example: 'KES' }) currency!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '65a1b2c3d4e5f60718293a4c',
    description: 'null while the payment is unallocated',
  })
  customerId!: string | null;
  @ApiProperty({
    enum: PAYMENT_STATUSES,
    description: 'unallocated: no customer has the account number typed',
  })
  status!: PaymentStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '100009',
    description: 'The account number as the payer typed it',
  })
  accountReference!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'RKTQDM7W6S' }) reference!: string | null;
  @ApiProperty({ enum: PAYMENT_METHODS, example: 'mpesa' }) method!: PaymentMethod;
  @ApiProperty({ type: String, format: 'date-time' }) paidAt!: string;
  @ApiProperty({ type: String, nullable: true, example: '+254712345678' })
  payerPhone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'JOHN KAMAU' }) payerName!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({
    type: [ReassignmentResponse],
    description: 'Oldest first; never edited. An allocation has fromCustomerId null.',
  })
  reassignments!: ReassignmentResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;

  static of(payment: Payment & { _id: Types.ObjectId }): PaymentResponse {
    return {
      id: payment._id.toString(),
      amount: fromMinorUnits(payment.amountMinor),
      currency: payment.currency,
      customerId: payment.customerId?.toString() ?? null,
      status: payment.customerId ? 'allocated' : 'unallocated',
      accountReference: payment.accountReference ?? null,
      reference: payment.reference,
      method: payment.method,
      paidAt: payment.paidAt.toISOString(),
      payerPhone: payment.payerPhone,
      payerName: payment.payerName ?? null,
      note: payment.note,
      reassignments: payment.reassignments.map((r) => ({
        fromCustomerId: r.fromCustomerId?.toString() ?? null,
        toCustomerId: r.toCustomerId.toString(),
        reason: r.reason,
        by: r.by.toString(),
        at: r.at.toISOString(),
      })),
      createdAt: payment.createdAt.toISOString(),
      updatedAt: payment.updatedAt.toISOString(),
    };
  }
}

export class PaymentPage {
  @ApiProperty({ type: [PaymentResponse] }) items!: PaymentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
