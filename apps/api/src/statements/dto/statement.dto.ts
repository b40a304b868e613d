import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class StatementQuery {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Entries at or after; earlier ones make the opening balance',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Entries before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export const STATEMENT_ENTRY_TYPES = [
  'payment_received',
  'reassigned_in',
  'reassigned_out',
  'allocated',
] as const;
export type StatementEntryType = (typeof STATEMENT_ENTRY_TYPES)[number];

export class StatementEntry {
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'paidAt for a payment received; the move time otherwise',
  })
  at!: string;
  @ApiProperty({ enum: STATEMENT_ENTRY_TYPES }) type!: StatementEntryType;
  @ApiProperty({ example: 1500, description: 'Positive into the account, negative out of it' })
  amount!: number;
  @ApiProperty({ example: 4500, description: 'Running total after this entry' }) balance!: number;
  @ApiProperty() paymentId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'RKTQDM7W6S' }) reference!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The other customer of a move' })
  counterpartyCustomerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class StatementResponse {
  @ApiProperty() customerId!: string;
  @ApiProperty({ example: 'KES' }) currency!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) to!: string | null;
  @ApiProperty({ description: 'Total of the entries before `from`' }) openingBalance!: number;
  @ApiProperty({ description: 'openingBalance plus the entries' }) closingBalance!: number;
  @ApiProperty({ type: [StatementEntry], description: 'In time order' }) entries!: StatementEntry[];
}
