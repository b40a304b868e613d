import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
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
import { SuggestionResponse } from '../customers/dto/suggestion.response';
import {
  AllocatePaymentDto,
  CreatePaymentDto,
  ListPaymentsQuery,
  ReassignPaymentDto,
} from './dto/payment.dto';
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

  @Post(':id/allocate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Credit an unallocated payment to the customer it was meant for',
    description: 'One atomic conditional write; the history entry has fromCustomerId null.',
  })
  @ApiOkResponse({ type: PaymentResponse })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'PAYMENT_NOT_FOUND or CUSTOMER_NOT_FOUND',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PAYMENT_ALREADY_ALLOCATED' })
  allocate(
    @Param('id', ObjectIdPipe) id: string,
    @Body() dto: AllocatePaymentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PaymentResponse> {
    return this.payments.allocate(id, dto, user.id);
  }

  @Get(':id/suggestions')
  @ApiOperation({
    summary: 'Customers the payment was probably meant for, best first (at most 5)',
    description:
      'From account numbers one typo away from what was typed, the payer name, and the payer phone.',
  })
  @ApiOkResponse({ type: [SuggestionResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'PAYMENT_NOT_FOUND' })
  suggestions(@Param('id', ObjectIdPipe) id: string): Promise<SuggestionResponse[]> {
    return this.payments.suggestions(id);
  }

  @Get(':id')
  @ApiOkResponse({ type: PaymentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'PAYMENT_NOT_FOUND' })
  get(@Param('id', ObjectIdPipe) id: string): Promise<PaymentResponse> {
    return this.payments.get(id);
  }
}
