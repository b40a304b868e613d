import { ApiProperty } from '@nestjs/swagger';
import type { Types } from 'mongoose';
import type { Customer } from '../customer.schema';

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

/** A customer with what they have paid: the payments now credited to them. */
export class CustomerDetailResponse extends CustomerResponse {
  @ApiProperty({ example: 4500.5, description: 'Sum of the payments now credited to the customer' })
  totalPaid!: number;
  @ApiProperty({ example: 3 }) paymentCount!: number;
}

export class CustomerPage {
  @ApiProperty({ type: [CustomerResponse] }) items!: CustomerResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
