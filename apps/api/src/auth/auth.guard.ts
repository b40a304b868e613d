import { createSecretKey } from 'node:crypto';
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

/**
 * jsonwebtoken turns a string secret into a key on every verify, which the benchmark's CPU
 * profile showed as 14.5% of the API's time; a KeyObject made once is the same key (40 times
 * cheaper to verify with). @nestjs/jwt's types say string | Buffer, but it passes the secret
 * through to jsonwebtoken, which takes a KeyObject.
 */
const verificationKey = (secret: string) =>
  createSecretKey(Buffer.from(secret)) as unknown as string;

const unauthorized = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'A valid bearer token is required');

/** Global guard: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly key: string;
  private readonly previousKey: string | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectModel(User.name) private readonly users: Model<User>,
  ) {
    this.key = verificationKey(config.jwt.secret);
    this.previousKey = config.jwt.previousSecret
      ? verificationKey(config.jwt.previousSecret)
      : null;
  }

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
    const { issuer, audience } = this.config.jwt;
    const options = { algorithms: ['HS256' as const], issuer, audience };
    try {
      return await this.jwt.verifyAsync<{ sub: string }>(token, { ...options, secret: this.key });
    } catch (error) {
      if (!this.previousKey) throw error;
      return await this.jwt.verifyAsync<{ sub: string }>(token, {
        ...options,
        secret: this.previousKey,
      });
    }
  }
}
