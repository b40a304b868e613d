import { ApiProperty } from '@nestjs/swagger';

export class RejectedRow {
  @ApiProperty({ example: 7, description: 'Line number in the file (the header is line 1)' })
  line!: number;
  @ApiProperty({ example: 'amount must be a positive amount with at most 2 decimal places' })
  reason!: string;
}

export class ImportReport {
  @ApiProperty({ description: 'Data rows read' }) rows!: number;
  @ApiProperty({ description: 'Payments stored' }) created!: number;
  @ApiProperty({
    description: 'Rows whose reference was already recorded (or repeated in the file)',
  })
  duplicates!: number;
  @ApiProperty({ description: 'Of the created, those no customer has the account number of' })
  unallocated!: number;
  @ApiProperty() rejectedCount!: number;
  @ApiProperty({ type: [RejectedRow], description: 'The first 1,000 rejected rows' })
  rejected!: RejectedRow[];
}
