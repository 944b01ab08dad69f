import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { type ValidationOptions, registerDecorator } from 'class-validator';
import { CommonErrors, DomainError, type FieldError } from './errors.js';
import { isDecimalString, isMoneyString } from './money.js';

/** A money amount as a decimal string; a JSON number is refused so that no float ever carries money. */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: '$property must be a decimal string with at most 2 decimals, such as "125000.00"', ...options },
      validator: { validate: (v: unknown) => isMoneyString(v) },
    });
}

/** A non-negative decimal as a string (rates, ratios, multipliers). */
export function IsDecimalString(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isDecimalString',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: '$property must be a non-negative decimal string, such as "0.0435"', ...options },
      validator: { validate: (v: unknown) => isDecimalString(v) },
    });
}

/** Text with something in it: the services trim names, so whitespace alone would be stored as ''. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: '$property must not be blank', ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && v.trim() !== '' },
    });
}

const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'UNKNOWN_FIELD',
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  isMoney: 'INVALID_MONEY',
  isDecimalString: 'INVALID_DECIMAL',
  isUuid: 'INVALID_UUID',
  isEnum: 'INVALID_VALUE',
  isIn: 'INVALID_VALUE',
  isNotBlank: 'BLANK',
};

function codeOf(constraint: string): string {
  return (
    CONSTRAINT_CODES[constraint] ??
    `INVALID_${constraint
      .replace(/^is/, '')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toUpperCase()}`
  );
}

/** Flattens class-validator's tree into one entry per bad field, with paths like `rules[2].value`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
      const missing = e.value === undefined && constraint !== 'whitelistValidation';
      out.push({ field, code: missing ? 'REQUIRED' : codeOf(constraint), message: missing ? `${field} is required` : message });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  // one entry per field and code: class-validator can repeat "required" for several constraints
  const seen = new Set<string>();
  return out.filter((f) => {
    const k = `${f.field}\u0000${f.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function validationFailed(errors: FieldError[], detail?: string): DomainError {
  return new DomainError(CommonErrors.VALIDATION_FAILED, detail ?? errors.map((e) => e.message).join('; '), { errors });
}

type PropertyCheck = (value: unknown, body: Record<string, unknown>) => FieldError[];
type BodyCheck = (body: Record<string, unknown>) => FieldError[];
type RegisteredCheck = { property: string; check: PropertyCheck } | { property?: undefined; check: BodyCheck };

const CHECKS = 'chainlend:checks';

function register(dto: object, entry: RegisteredCheck): void {
  Reflect.defineMetadata(CHECKS, [...((Reflect.getMetadata(CHECKS, dto) as RegisteredCheck[] | undefined) ?? []), entry], dto);
}

/**
 * A check no class-validator constraint expresses (a checksum, a rule list, a bound set by another
 * field), answering field errors with their own codes and paths. The validation pipe reports them in
 * the same 400 as every constraint error, so that one answer names every bad field of a body. It gets
 * the raw value (undefined when absent) and the raw body, and is skipped when the property's own
 * constraints refused it already.
 */
export function Checked(check: PropertyCheck): PropertyDecorator {
  return (target, propertyKey) => register(target.constructor, { property: propertyKey as string, check });
}

/** Like @Checked, for a check of the body as a whole. */
export function CheckedBody(check: BodyCheck): ClassDecorator {
  return (target) => register(target, { check });
}

const touches = (error: FieldError, property: string) =>
  error.field === property || error.field.startsWith(`${property}.`) || error.field.startsWith(`${property}[`);

/** class-validator's constraints, then the DTO's @Checked checks, all reported in one refusal. */
class CheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const checks = metadata.metatype ? ((Reflect.getMetadata(CHECKS, metadata.metatype) as RegisteredCheck[] | undefined) ?? []) : [];
    if (!checks.length || !value || typeof value !== 'object' || Array.isArray(value)) return super.transform(value, metadata);
    let transformed: unknown;
    let refused: FieldError[] = [];
    try {
      transformed = await super.transform(value, metadata);
    } catch (e) {
      if (!(e instanceof DomainError && e.def === CommonErrors.VALIDATION_FAILED)) throw e;
      refused = e.extras.errors ?? [];
    }
    const body = value as Record<string, unknown>;
    const errors = [...refused];
    for (const entry of checks) {
      if (entry.property === undefined) errors.push(...entry.check(body));
      else if (!refused.some((e) => touches(e, entry.property))) errors.push(...entry.check(body[entry.property], body));
    }
    if (errors.length) throw validationFailed(errors);
    return transformed;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new CheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
