import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { NormalizeWith, Trim, TrimLowerCase } from '../../http/string-transforms';
import { PageQuery } from '../../paging/page.query';
import { KENYAN_PHONE_FORMATS, normalizeKenyanPhone } from '../kenyan-phone';

export class CreateCustomerDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Achieng Otieno' })
  @Trim()
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
  @TrimLowerCase()
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
  @NormalizeWith(normalizeKenyanPhone)
  @IsString({ message: 'phone must be a string' })
  @Matches(/^\+254[17]\d{8}$/, {
    message: `phone must be a Kenyan mobile number (${KENYAN_PHONE_FORMATS})`,
  })
  phone?: string | null;
}

export class UpdateCustomerDto extends PartialType(CreateCustomerDto) {}

export class ListCustomersQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Matches name (case-insensitive substring), email, phone or account number',
    maxLength: 100,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  search?: string;
}
