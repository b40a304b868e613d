import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export const PAYMENT_METHODS = ['mpesa', 'cash', 'bank', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const CURRENCIES = ['KES'] as const;
export const PAYMENT_STATUSES = ['allocated', 'unallocated'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * One move of a payment between customers, or its allocation (no `fromCustomerId`) when it
 * arrived unallocated; appended, never edited or removed.
 */
@Schema({ _id: false, versionKey: false })
export class Reassignment {
  @Prop({ type: Types.ObjectId, default: null }) fromCustomerId!: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, required: true }) toCustomerId!: Types.ObjectId;
  @Prop({ type: String, default: null }) reason!: string | null;
  @Prop({ type: Types.ObjectId, required: true }) by!: Types.ObjectId;
  @Prop({ required: true }) at!: Date;
}

const ReassignmentSchema = SchemaFactory.createForClass(Reassignment);

@Schema({ collection: 'payments', timestamps: true })
export class Payment {
  /** Integer cents: exact, and sums never drift (see money.ts). */
  @Prop({ required: true }) amountMinor!: number;
  @Prop({ type: String, enum: CURRENCIES, default: 'KES' }) currency!: string;
  /** null while the payment is unallocated: it came in for an account number nobody has. */
  @Prop({ type: Types.ObjectId, default: null }) customerId!: Types.ObjectId | null;
  /** The account number as the payer typed it (M-Pesa BillRefNumber, an import's column). */
  @Prop({ type: String, default: null }) accountReference!: string | null;
  @Prop({ type: String, default: null }) reference!: string | null;
  /** Upper-cased reference, or a placeholder from the payment's id when there is none (see customer.schema.ts). */
  @Prop({ required: true, unique: true }) referenceKey!: string;
  @Prop({ type: String, enum: PAYMENT_METHODS, default: 'other' }) method!: PaymentMethod;
  @Prop({ required: true }) paidAt!: Date;
  @Prop({ type: String, default: null }) payerPhone!: string | null;
  @Prop({ type: String, default: null }) payerName!: string | null;
  @Prop({ type: String, default: null }) note!: string | null;
  /** The provider's message as received (the M-Pesa confirmation), kept for audit. */
  @Prop({ type: Object, default: null }) providerPayload!: Record<string, unknown> | null;
  @Prop({ type: [ReassignmentSchema], default: [] }) reassignments!: Reassignment[];
  createdAt!: Date;
  updatedAt!: Date;
}

export type PaymentDocument = HydratedDocument<Payment>;
export const PaymentSchema = SchemaFactory.createForClass(Payment);
// Keyset paging: newest first overall, and per customer (customerId null: the unallocated queue).
PaymentSchema.index({ paidAt: -1, _id: -1 });
PaymentSchema.index({ customerId: 1, paidAt: -1, _id: -1 });
// Statements: the payments that were ever moved out of or into a customer's account.
PaymentSchema.index({ 'reassignments.fromCustomerId': 1 });
PaymentSchema.index({ 'reassignments.toCustomerId': 1 });
