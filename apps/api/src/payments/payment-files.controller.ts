import '@fastify/multipart';
import {
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from '../http/api-error';
import { ImportReport } from './dto/import-report.response';
import { PaymentFilters } from './dto/payment.dto';
import { PaymentExportService } from './payment-export.service';
import { IMPORT_COLUMNS, IMPORT_TEMPLATE, PaymentImportService } from './payment-import.service';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('payments')
export class PaymentFilesController {
  constructor(
    private readonly exporter: PaymentExportService,
    private readonly importer: PaymentImportService,
  ) {}

  @Get('export')
  @ApiOperation({ summary: 'The filtered payments as a CSV file (streamed), newest first' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV with a byte-order mark', schema: { type: 'string' } })
  export(@Query() filters: PaymentFilters, @Res() reply: FastifyReply): void {
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="malipo-payments-${day}.csv"`)
      .send(this.exporter.csv(filters));
  }

  @Get('import/template')
  @ApiOperation({ summary: 'The CSV template for imports, with two example rows' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="malipo-payments-import-template.csv"')
  template(): string {
    return IMPORT_TEMPLATE;
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import a statement file (CSV); idempotent on reference',
    description:
      `Columns: ${IMPORT_COLUMNS.join(', ')} (payer_phone and payer_name may be empty). ` +
      'paid_at is "YYYY-MM-DD HH:mm:ss" in Nairobi time or ISO 8601 with a zone. Rows whose ' +
      'account number nobody has are stored unallocated.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: ImportReport })
  async import(@Req() request: FastifyRequest): Promise<ImportReport> {
    if (!request.isMultipart())
      throw badRequest(
        'INVALID_UPLOAD',
        'Send the file as multipart/form-data in a field named "file"',
      );
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw badRequest('INVALID_UPLOAD', 'The upload has no field named "file"');
    const report = await this.importer.import(part.file);
    if (part.file.truncated)
      throw badRequest('FILE_TOO_LARGE', 'The file is larger than the upload limit');
    return report;
  }
}
