import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/error.response';
import { ObjectIdPipe } from '../http/object-id.pipe';
import { AuthService } from './auth.service';
import { UserResponse } from './dto/user.response';

/** Staff as other staff see them: a payment's history names who moved it by user id. */
@ApiTags('users')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponse, description: 'INVALID_ID' })
@Controller('users')
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'USER_NOT_FOUND' })
  get(@Param('id', ObjectIdPipe) id: string): Promise<UserResponse> {
    return this.auth.get(id);
  }
}
