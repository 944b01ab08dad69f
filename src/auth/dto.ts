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
  @ApiProperty({ type: 'integer', description: 'seconds', example: 3600 }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
}

/** A fresh token after a password change; an Idempotency-Key replay does not give it again. */
export class PasswordChangedResponse {
  @ApiProperty({ type: String, nullable: true, description: 'null on an Idempotency-Key replay, which never stores it' })
  accessToken: string | null;
  @ApiProperty({ type: 'integer', description: 'seconds', example: 3600 }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiPropertyOptional({ type: [String], example: ['accessToken'], description: 'on a replay: the fields not kept, set to null' })
  redactedOnReplay?: string[];
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

/** The caller as the service sees it: a user, or an API key of a core enterprise. */
export class CurrentActorResponse {
  @ApiProperty({ enum: ['USER', 'API_KEY'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the username, or the name of the API key' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coreEnterpriseId: string | null;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coreEnterpriseId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'a disabled user cannot log in and their tokens are refused' }) disabled: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt: string | null;
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
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the key itself: shown this once, send it as X-Api-Key; null on an Idempotency-Key replay, which never stores it',
  })
  key: string | null;
  @ApiPropertyOptional({ type: [String], example: ['key'], description: 'on a replay: the fields not kept, set to null' })
  redactedOnReplay?: string[];
}
