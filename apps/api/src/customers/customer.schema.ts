import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

export const EDITABLE_FIELDS = ['name', 'email', 'phone'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** One field of one edit, as it was and as it became. */
@Schema({ _id: false, versionKey: false })
export class FieldChange {
  @Prop({ type: String, enum: EDITABLE_FIELDS, required: true }) field!: EditableField;
  @Prop({ type: String, default: null }) from!: string | null;
  @Prop({ type: String, default: null }) to!: string | null;
}

/**
 * Who changed the customer's details, when, and what: the phone number decides which M-Pesa
 * payments are suggested for a customer, so its changes are kept. Appended, never edited.
 */
@Schema({ _id: false, versionKey: false })
export class CustomerEdit {
  @Prop({ type: Types.ObjectId, required: true }) by!: Types.ObjectId;
  @Prop({ required: true }) at!: Date;
  @Prop({ type: [SchemaFactory.createForClass(FieldChange)], required: true })
  changes!: FieldChange[];
}

/**
 * `emailKey` and `phoneKey` carry the unique indexes: the value itself, or a placeholder made
 * from the customer's own id when it is absent. Neither FerretDB nor a portable MongoDB schema
 * may rely on sparse or partial unique indexes, and customers without an email must not collide.
 */
@Schema({ collection: 'customers', timestamps: true })
export class Customer {
  @Prop({ required: true }) name!: string;
  @Prop({ type: String, default: null }) email!: string | null;
  @Prop({ required: true, unique: true }) emailKey!: string;
  @Prop({ type: String, default: null }) phone!: string | null;
  @Prop({ required: true, unique: true }) phoneKey!: string;
  @Prop({ required: true, unique: true }) accountNumber!: string;
  /**
   * Set, atomically, before any payment is credited to the customer and never cleared: a
   * customer who has or ever had a payment cannot be deleted, even by a concurrent request.
   */
  @Prop({ default: false }) hasPayments!: boolean;
  /** Oldest first. */
  @Prop({ type: [SchemaFactory.createForClass(CustomerEdit)], default: [] })
  edits!: CustomerEdit[];
  createdAt!: Date;
  updatedAt!: Date;
}

export type CustomerDocument = HydratedDocument<Customer>;
export const CustomerSchema = SchemaFactory.createForClass(Customer);

/** The last account-number sequence handed out; one document, incremented atomically. */
@Schema({ collection: 'counters', versionKey: false })
export class Counter {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) seq!: number;
}

export const CounterSchema = SchemaFactory.createForClass(Counter);

/** A placeholder key for an absent unique value; real emails and E.164 phones never start with "-". */
export const absentKey = (id: { toString(): string }) => `-${id.toString()}`;
