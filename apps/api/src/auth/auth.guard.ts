import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import { Model, isValidObjectId } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { User } from './user.schema';

const unauthorized = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'A valid bearer token is required');

/** Global guard: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectModel(User.name) private readonly users: Model<User>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized();
    let userId: string;
    try {
      userId = (await this.verify(token)).sub;
    } catch {
      throw unauthorized();
    }
    // A deleted user's tokens stop working at once: one lookup by _id (the primary index) per
    // request; docs/security.md has its measured cost. A database outage surfaces as a 503.
    if (typeof userId !== 'string' || !isValidObjectId(userId)) throw unauthorized();
    if (!(await this.users.exists({ _id: userId }))) throw unauthorized();
    request.user = { id: userId };
    return true;
  }

  /** With the current secret, or while a rotation is under way, with the previous one. */
  private async verify(token: string): Promise<{ sub: string }> {
    const { secret, previousSecret, issuer, audience } = this.config.jwt;
    const options = { algorithms: ['HS256' as const], issuer, audience };
    try {
      return await this.jwt.verifyAsync<{ sub: string }>(token, { ...options, secret });
    } catch (error) {
      if (!previousSecret) throw error;
      return await this.jwt.verifyAsync<{ sub: string }>(token, {
        ...options,
        secret: previousSecret,
      });
    }
  }
}
