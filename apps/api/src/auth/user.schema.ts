import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export const ROLES = ['staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Schema({ collection: 'users', timestamps: true })
export class User {
  /** Stored lower-cased, so uniqueness is case-insensitive. */
  @Prop({ required: true, unique: true }) email!: string;
  @Prop({ type: String, default: null }) name!: string | null;
  @Prop({ required: true }) passwordHash!: string;
  @Prop({ type: String, enum: ROLES, default: 'staff' }) role!: Role;
  createdAt!: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
