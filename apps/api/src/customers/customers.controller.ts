import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/error.response';
import { AuthenticatedUser, CurrentUser } from '../auth/current-user.decorator';
import { ObjectIdPipe } from '../http/object-id.pipe';
import { CustomersService } from './customers.service';
import { CreateCustomerDto, ListCustomersQuery, UpdateCustomerDto } from './dto/customer.dto';
import { CustomerDetailResponse, CustomerPage, CustomerResponse } from './dto/customer.response';

@ApiTags('customers')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponse })
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOkResponse({ type: CustomerPage })
  list(@Query() query: ListCustomersQuery): Promise<CustomerPage> {
    return this.customers.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: CustomerResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'EMAIL_TAKEN or PHONE_TAKEN' })
  create(@Body() dto: CreateCustomerDto): Promise<CustomerResponse> {
    return this.customers.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'CUSTOMER_NOT_FOUND' })
  get(@Param('id', ObjectIdPipe) id: string): Promise<CustomerDetailResponse> {
    return this.customers.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CustomerResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'CUSTOMER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'EMAIL_TAKEN or PHONE_TAKEN' })
  update(
    @Param('id', ObjectIdPipe) id: string,
    @Body() dto: UpdateCustomerDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CustomerResponse> {
    return this.customers.update(id, dto, user.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'CUSTOMER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CUSTOMER_HAS_PAYMENTS' })
  remove(@Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.customers.remove(id);
  }
}
