import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { KENYAN_PHONE_FORMATS, normalizeKenyanPhone } from '../../customers/kenyan-phone';
import { NormalizeWith, Trim } from '../../http/string-transforms';
import { MAX_AMOUNT } from '../../money/money';
import { PageQuery } from '../../paging/page.query';
import {
  CURRENCIES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type PaymentMethod,
  type PaymentStatus,
} from '../payment.schema';

export class CreatePaymentDto {
  @ApiProperty({
    example: 1500.5,
    minimum: 0.01,
    maximum: MAX_AMOUNT,
    description: 'Positive, at most two decimal places; stored exactly',
  })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'amount must be a number with at most 2 decimal places' },
  )
  @Min(0.01, { message: 'amount must be positive' })
  @Max(MAX_AMOUNT, { message: `amount must be at most ${MAX_AMOUNT}` })
  amount!: number;

  @ApiPropertyOptional({
    example: '65a1b2c3d4e5f60718293a4b',
    description: 'Required (or `customer`)',
  })
  @ValidateIf((dto: CreatePaymentDto) => dto.customer === undefined)
  @IsMongoId({ message: 'customerId must be a 24-character hexadecimal id' })
  customerId?: string;

  @ApiPropertyOptional({
    deprecated: true,
    description: "The original API's name for customerId",
    example: '65a1b2c3d4e5f60718293a4b',
  })
  @IsOptional()
  @IsMongoId({ message: 'customer must be a 24-character hexadecimal id' })
  customer?: string;

  @ApiPropertyOptional({ enum: CURRENCIES, default: 'KES' })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'currency must be KES' })
  currency?: string;

  @ApiPropertyOptional({
    example: 'RKTQDM7W6S',
    maxLength: 64,
    description: "The provider's transaction code; unique (case-insensitive) when given",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  reference?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, default: 'other' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS, { message: `method must be one of ${PAYMENT_METHODS.join(', ')}` })
  method?: PaymentMethod;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'paidAt must be an ISO 8601 date-time' })
  paidAt?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0712345678' })
  @IsOptional()
  @NormalizeWith(normalizeKenyanPhone)
  @IsString()
  @Matches(/^\+254[17]\d{8}$/, {
    message: `payerPhone must be a Kenyan mobile number (${KENYAN_PHONE_FORMATS})`,
  })
  payerPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class ReassignPaymentDto {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' })
  @IsMongoId({ message: 'paymentId must be a 24-character hexadecimal id' })
  paymentId!: string;

  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4c', description: 'The current (wrong) customer' })
  @IsMongoId({ message: 'sourceCustomerId must be a 24-character hexadecimal id' })
  sourceCustomerId!: string;

  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4d', description: 'The right customer' })
  @IsMongoId({ message: 'targetCustomerId must be a 24-character hexadecimal id' })
  targetCustomerId!: string;

  @ApiPropertyOptional({ example: 'Wrong account number', maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AllocatePaymentDto {
  @ApiProperty({
    example: '65a1b2c3d4e5f60718293a4d',
    description: 'The customer the payment was meant for',
  })
  @IsMongoId({ message: 'customerId must be a 24-character hexadecimal id' })
  customerId!: string;

  @ApiPropertyOptional({ example: 'Account number typed with two digits swapped', maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** The filters shared by the payments list and its CSV export. */
export class PaymentFilters {
  @ApiPropertyOptional({ description: 'Only payments now credited to this customer' })
  @IsOptional()
  @IsMongoId({ message: 'customerId must be a 24-character hexadecimal id' })
  customerId?: string;

  @ApiPropertyOptional({
    enum: PAYMENT_STATUSES,
    description: 'unallocated: the queue of payments nobody matched',
  })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES, { message: `status must be one of ${PAYMENT_STATUSES.join(', ')}` })
  status?: PaymentStatus;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'paidAt ≥ from' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'paidAt < to' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export class ListPaymentsQuery extends IntersectionType(PaymentFilters, PageQuery) {}
