import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { FieldError } from '../common/errors.js';
import { Checked, IsNotBlank } from '../common/validation.js';
import { ROLES, type Role } from '../common/access/roles.js';

/** ENTERPRISE users act for one core enterprise; the bank's people for none. */
function coreEnterpriseBindingProblems(coreEnterpriseId: unknown, user: Record<string, unknown>): FieldError[] {
  if (!(ROLES as readonly unknown[]).includes(user.role)) return [];
  // @IsOptional() lets null through: it binds to nothing, as absence does
  const bound = coreEnterpriseId !== undefined && coreEnterpriseId !== null;
  if (user.role === 'ENTERPRISE' && !bound) {
    return [{ field: 'coreEnterpriseId', code: 'REQUIRED', message: 'coreEnterpriseId is required for an ENTERPRISE user' }];
  }
  if (user.role !== 'ENTERPRISE' && bound) {
    return [{ field: 'coreEnterpriseId', code: 'NOT_ALLOWED', message: `a ${user.role as string} user is not bound to a core enterprise` }];
  }
  return [];
}

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'chainlend-admin-dev', format: 'password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'seconds', example: 3600 }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
}

export class CreateUserDto {
  @ApiProperty({ example: 'officer.li', pattern: '^[A-Za-z0-9._@-]{3,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{3,64}$/, { message: 'username must be 3-64 letters, digits or . _ @ -' })
  username: string;

  @ApiProperty({ minLength: 10, maxLength: 200, format: 'password' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for ENTERPRISE, refused for other roles' })
  @IsOptional()
  @IsUUID()
  @Checked(coreEnterpriseBindingProblems)
  coreEnterpriseId?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coreEnterpriseId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'a disabled user cannot log in and their tokens are refused' }) disabled: boolean;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
}

export class DisableUserDto {
  @ApiProperty({ example: 'left the bank on 2026-11-30', maxLength: 500 })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  reason: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10, maxLength: 200, format: 'password' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200, format: 'password' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class CreateApiKeyDto {
  @ApiPropertyOptional({ example: 'nightly roster sync', description: 'a label to tell keys apart' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) coreEnterpriseId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the first characters of the key' }) keyPrefix: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'the key itself: shown this once, send it as X-Api-Key' }) key: string;
}
