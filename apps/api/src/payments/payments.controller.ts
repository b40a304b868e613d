import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { ErrorResponse } from '../http/error.response';
import { ObjectIdPipe } from '../http/object-id.pipe';
import { CreatePaymentDto, ListPaymentsQuery, ReassignPaymentDto } from './dto/payment.dto';
import { PaymentPage, PaymentResponse } from './dto/payment.response';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponse })
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @ApiOperation({ summary: 'List payments, newest paidAt first' })
  @ApiOkResponse({ type: PaymentPage })
  list(@Query() query: ListPaymentsQuery): Promise<PaymentPage> {
    return this.payments.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'CUSTOMER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'DUPLICATE_REFERENCE' })
  create(@Body() dto: CreatePaymentDto): Promise<PaymentResponse> {
    return this.payments.create(dto);
  }

  @Put('reassign')
  @ApiOperation({
    summary: 'Move a payment credited to the wrong customer to the right one',
    description:
      'One atomic conditional write: applies only if the payment still belongs to the source.',
  })
  @ApiOkResponse({ type: PaymentResponse })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'PAYMENT_NOT_FOUND, SOURCE_CUSTOMER_NOT_FOUND or TARGET_CUSTOMER_NOT_FOUND',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PAYMENT_NOT_OWNED_BY_SOURCE' })
  reassign(
    @Body() dto: ReassignPaymentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PaymentResponse> {
    return this.payments.reassign(dto, user.id);
  }

  @Get(':id')
  @ApiOkResponse({ type: PaymentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'PAYMENT_NOT_FOUND' })
  get(@Param('id', ObjectIdPipe) id: string): Promise<PaymentResponse> {
    return this.payments.get(id);
  }
}
