import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export const PAYMENT_METHODS = ['mpesa', 'cash', 'bank', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const CURRENCIES = ['KES'] as const;

/** One move of a payment between customers; appended, never edited or removed. */
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
  @Prop({ type: Types.ObjectId, required: true }) customerId!: Types.ObjectId;
  @Prop({ type: String, default: null }) reference!: string | null;
  /** Upper-cased reference, or a placeholder from the payment's id when there is none (see customer.schema.ts). */
  @Prop({ required: true, unique: true }) referenceKey!: string;
  @Prop({ type: String, enum: PAYMENT_METHODS, default: 'other' }) method!: PaymentMethod;
  @Prop({ required: true }) paidAt!: Date;
  @Prop({ type: String, default: null }) payerPhone!: string | null;
  @Prop({ type: String, default: null }) note!: string | null;
  @Prop({ type: [ReassignmentSchema], default: [] }) reassignments!: Reassignment[];
  createdAt!: Date;
  updatedAt!: Date;
}

export type PaymentDocument = HydratedDocument<Payment>;
export const PaymentSchema = SchemaFactory.createForClass(Payment);
// Keyset paging: newest first overall, and per customer.
PaymentSchema.index({ paidAt: -1, _id: -1 });
PaymentSchema.index({ customerId: 1, paidAt: -1, _id: -1 });
