import { ApiProperty } from '@nestjs/swagger';
import { CustomerResponse } from './customer.response';

export const SUGGESTION_KINDS = ['payer_phone', 'account_number', 'payer_name'] as const;

export class SuggestionReason {
  @ApiProperty({ enum: SUGGESTION_KINDS }) kind!: (typeof SUGGESTION_KINDS)[number];
  @ApiProperty({ description: 'How much this reason adds to the rank', example: 4 }) score!: number;
  @ApiProperty({ example: 'Typed 100090; account 100009 is one swap away' }) detail!: string;
}

export class SuggestionResponse {
  @ApiProperty({ type: CustomerResponse }) customer!: CustomerResponse;
  @ApiProperty({ description: "Sum of the reasons' scores; higher is likelier", example: 7 })
  score!: number;
  @ApiProperty({ type: [SuggestionReason] }) reasons!: SuggestionReason[];
}
