import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Type } from 'class-transformer';
import { KENYAN_PHONE_FORMATS, normalizeKenyanPhone } from '../kenyan-phone';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const toE164 = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (normalizeKenyanPhone(value) ?? value) : value;

export class CreateCustomerDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Achieng Otieno' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'achieng@example.com',
    description: 'Stored lower-cased; unique. At least one of email and phone is required.',
  })
  @IsOptional()
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0712345678',
    description: `A Kenyan mobile number (${KENYAN_PHONE_FORMATS}); stored and returned in E.164. Unique.`,
  })
  @IsOptional()
  @Transform(toE164)
  @IsString({ message: 'phone must be a string' })
  @Matches(/^\+254[17]\d{8}$/, {
    message: `phone must be a Kenyan mobile number (${KENYAN_PHONE_FORMATS})`,
  })
  phone?: string | null;
}

export class UpdateCustomerDto extends PartialType(CreateCustomerDto) {}

export class ListCustomersQuery {
  @ApiPropertyOptional({
    description: 'Matches name (case-insensitive substring), email, phone or account number',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
