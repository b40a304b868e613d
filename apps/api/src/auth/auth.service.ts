import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import * as argon2 from 'argon2';
import { Model, isValidObjectId } from 'mongoose';
import { isDuplicateKeyError } from '../database/duplicate-key';
import { AppConfig } from '../config/app-config';
import { ApiError, conflict, notFound } from '../http/api-error';
import { LoginDto } from './dto/login.dto';
import { LoginLockout } from './login-lockout';
import { SignupDto } from './dto/signup.dto';
import { TokenResponse, UserResponse } from './dto/user.response';
import { User } from './user.schema';

const invalidCredentials = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Invalid email or password');

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private decoyHash!: string;

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly lockout: LoginLockout,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await argon2.hash('decoy password never used', { type: argon2.argon2id });
    await this.users.init();
  }

  async signup(dto: SignupDto): Promise<UserResponse> {
    const passwordHash = await argon2.hash(dto.password, { type: argon2.argon2id });
    try {
      const user = await this.users.create({
        email: dto.email.toLowerCase(),
        name: dto.name ?? null,
        passwordHash,
      });
      return UserResponse.of(user);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
      }
      throw error;
    }
  }

  async login(dto: LoginDto): Promise<TokenResponse> {
    const email = dto.email.trim().toLowerCase();
    const failures = await this.lockout.assertNotLocked(email);
    const user = await this.users.findOne({ email }).lean();
    const valid = await argon2.verify(user?.passwordHash ?? this.decoyHash, dto.password);
    if (!user || !valid) {
      await this.lockout.recordFailure(email);
      throw invalidCredentials();
    }
    // Most log-ins follow no failure: no write for them.
    if (failures > 0) await this.lockout.recordSuccess(email);
    const accessToken = await this.jwt.signAsync(
      { sub: user._id.toString() },
      {
        secret: this.config.jwt.secret,
        algorithm: 'HS256',
        expiresIn: this.config.jwt.expiresInSeconds,
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwt.expiresInSeconds };
  }

  /** Another member of staff, as named in a payment's history. */
  async get(userId: string): Promise<UserResponse> {
    const user = await this.users.findById(userId).lean();
    if (!user) throw notFound('USER_NOT_FOUND', 'User not found');
    return UserResponse.of(user);
  }

  async me(userId: string): Promise<UserResponse> {
    const user = isValidObjectId(userId) ? await this.users.findById(userId).lean() : null;
    if (!user) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'This account no longer exists');
    }
    return UserResponse.of(user);
  }
}
