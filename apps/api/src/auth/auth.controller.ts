import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/error.response';
import { AuthRateLimitGuard } from './auth-rate-limit.guard';
import { AuthService } from './auth.service';
import { AuthenticatedUser, CurrentUser } from './current-user.decorator';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import { TokenResponse, UserResponse } from './dto/user.response';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @UseGuards(AuthRateLimitGuard)
  @ApiCreatedResponse({ type: UserResponse })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'TOO_MANY_REQUESTS (per client address or per email; see Retry-After)',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'EMAIL_TAKEN' })
  signup(@Body() dto: SignupDto): Promise<UserResponse> {
    return this.auth.signup(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenResponse })
  @UseGuards(AuthRateLimitGuard)
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description:
      'TOO_MANY_REQUESTS (per client address or per email) or TOO_MANY_FAILED_LOGINS ' +
      '(the account is locked after repeated failures); see Retry-After',
  })
  login(@Body() dto: LoginDto): Promise<TokenResponse> {
    return this.auth.login(dto);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserResponse> {
    return this.auth.me(user.id);
  }
}
