import { ApiProperty } from '@nestjs/swagger';
import type { Types } from 'mongoose';
import {
  type Customer,
  type CustomerEdit,
  EDITABLE_FIELDS,
  type EditableField,
} from '../customer.schema';

export class CustomerResponse {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' }) id!: string;
  @ApiProperty({ example: 'Achieng Otieno' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'achieng@example.com' })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+254712345678' }) phone!: string | null;
  @ApiProperty({
    example: '100009',
    description: 'Digits only, with a check digit; what the customer types as the M-Pesa account',
  })
  accountNumber!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;

  static of(customer: Customer & { _id: Types.ObjectId }): CustomerResponse {
    return {
      id: customer._id.toString(),
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      accountNumber: customer.accountNumber,
      createdAt: customer.createdAt.toISOString(),
      updatedAt: customer.updatedAt.toISOString(),
    };
  }
}

export class FieldChangeResponse {
  @ApiProperty({ enum: EDITABLE_FIELDS }) field!: EditableField;
  @ApiProperty({ type: String, nullable: true, example: '+254712345678' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+254798765432' }) to!: string | null;
}

export class CustomerEditResponse {
  @ApiProperty({ description: 'Id of the user who made the edit' }) by!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ type: [FieldChangeResponse] }) changes!: FieldChangeResponse[];

  static of(edit: CustomerEdit): CustomerEditResponse {
    return {
      by: edit.by.toString(),
      at: edit.at.toISOString(),
      changes: edit.changes.map(({ field, from, to }) => ({ field, from, to })),
    };
  }
}

/** A customer with what they have paid (the payments now credited to them) and their edits. */
export class CustomerDetailResponse extends CustomerResponse {
  @ApiProperty({ example: 4500.5, description: 'Sum of the payments now credited to the customer' })
  totalPaid!: number;
  @ApiProperty({ example: 3 }) paymentCount!: number;
  @ApiProperty({
    type: [CustomerEditResponse],
    description: 'Changes to name, email and phone, oldest first; never edited',
  })
  edits!: CustomerEditResponse[];
}

export class CustomerPage {
  @ApiProperty({ type: [CustomerResponse] }) items!: CustomerResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
