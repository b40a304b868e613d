import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type User } from '../user.schema';

export class UserResponse {
  @ApiProperty({ example: '65a1b2c3d4e5f60718293a4b' }) id!: string;
  @ApiProperty({ example: 'wanjiku@malipo.co.ke' }) email!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Wanjiku Kamau' }) name!: string | null;
  @ApiProperty({ enum: ROLES, example: 'staff' }) role!: Role;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;

  static of(user: User & { _id: { toString(): string } }): UserResponse {
    return {
      id: user._id.toString(),
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn!: number;
}
