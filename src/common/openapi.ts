import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'idNumber' }) field: string;
  @ApiProperty({ example: 'ID_NUMBER_CHECKSUM' }) code: string;
  @ApiProperty({ example: 'the check character does not match' }) message: string;
}

/** RFC 9457 problem details, as every error leaves the service. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:chainlend:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'The request is not valid' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'amount must be a decimal string' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable machine-readable code' }) code: string;
  @ApiProperty({ example: '5f0c6d1e-8a43-4a8e-9a51-0f6f1b1d2c3e', description: 'also in the X-Request-Id header and the logs' })
  correlationId: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input (VALIDATION_FAILED, MALFORMED_JSON, ...)',
  401: 'No or bad credentials',
  403: 'Role not allowed',
  404: 'Unknown, or belongs to another core enterprise',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'A business rule refused it',
  429: 'Too many requests',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
