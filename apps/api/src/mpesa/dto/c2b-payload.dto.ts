import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';

// Safaricom sends some numbers as JSON numbers and some as strings; read them all as text.
const asText = ({ value }: { value: unknown }) =>
  typeof value === 'number' ? String(value) : value;

/**
 * A Daraja C2B validation or confirmation request. Fields not listed here are accepted and kept
 * with the payment, since Safaricom adds fields without notice.
 */
export class C2bPayloadDto {
  @ApiPropertyOptional({ example: 'Pay Bill' }) @IsOptional() @IsString() TransactionType?: string;

  @ApiProperty({ example: 'RKTQDM7W6S', description: 'M-Pesa receipt; the payment reference' })
  @Transform(asText)
  @IsString()
  @Matches(/^[A-Za-z0-9]{6,32}$/, { message: 'TransID must be 6 to 32 letters and digits' })
  TransID!: string;

  @ApiProperty({ example: '20261204101530', description: 'YYYYMMDDHHmmss, Nairobi time' })
  @Transform(asText)
  @IsString()
  @Matches(/^\d{14}$/, { message: 'TransTime must be YYYYMMDDHHmmss' })
  TransTime!: string;

  @ApiProperty({ example: '1500.00' })
  @Transform(asText)
  @IsString({ message: 'TransAmount must be a decimal amount' })
  TransAmount!: string;

  @ApiPropertyOptional({ example: '600638' })
  @IsOptional()
  @Transform(asText)
  @IsString()
  BusinessShortCode?: string;

  @ApiPropertyOptional({ example: '100009', description: 'The account number the payer typed' })
  @IsOptional()
  @Transform(asText)
  @IsString()
  @MaxLength(64)
  BillRefNumber?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(asText) @IsString() InvoiceNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(asText) @IsString() OrgAccountBalance?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(asText) @IsString() ThirdPartyTransID?: string;

  @ApiPropertyOptional({ example: '2547 ***** 126', description: 'Often masked or hashed' })
  @IsOptional()
  @Transform(asText)
  @IsString()
  @MaxLength(128)
  MSISDN?: string;

  @ApiPropertyOptional({ example: 'JOHN' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  FirstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) MiddleName?: string;
  @ApiPropertyOptional({ example: 'KAMAU' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  LastName?: string;
}

export class C2bConfirmationResponse {
  @ApiProperty({ example: 0 }) ResultCode!: 0;
  @ApiProperty({ example: 'Success' }) ResultDesc!: 'Success';
}

export class C2bValidationResponse {
  @ApiProperty({ enum: ['0', 'C2B00012'], description: 'C2B00012: invalid account number' })
  ResultCode!: '0' | 'C2B00012';
  @ApiProperty({ enum: ['Accepted', 'Rejected'] }) ResultDesc!: 'Accepted' | 'Rejected';
}
