import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { AttemptCounter, AttemptCounterSchema, AttemptCounters } from './attempt-counters';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRateLimitGuard } from './auth-rate-limit.guard';
import { AuthService } from './auth.service';
import { LoginLockout } from './login-lockout';
import { User, UserSchema } from './user.schema';
import { UsersController } from './users.controller';

@Module({
  imports: [
    JwtModule.register({}),
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: AttemptCounter.name, schema: AttemptCounterSchema },
    ]),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    AttemptCounters,
    LoginLockout,
    AuthRateLimitGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
