import { ApiProperty } from '@nestjs/swagger';

/** The body of every error response. */
export class ErrorResponse {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty({ example: 'PAYMENT_NOT_FOUND', description: 'Stable identifier to switch on' })
  code!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'Payment not found',
  })
  message!: string | string[];
}
