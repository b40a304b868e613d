import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/error.response';
import { ObjectIdPipe } from '../http/object-id.pipe';
import { StatementQuery, StatementResponse } from './dto/statement.dto';
import { StatementsService } from './statements.service';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers/:id/statement')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get()
  @ApiOperation({ summary: "The customer's entries in time order with a running total" })
  @ApiOkResponse({ type: StatementResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'CUSTOMER_NOT_FOUND' })
  statement(
    @Param('id', ObjectIdPipe) id: string,
    @Query() query: StatementQuery,
  ): Promise<StatementResponse> {
    return this.statements.statement(id, query);
  }
}
