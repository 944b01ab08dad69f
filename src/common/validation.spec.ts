import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { CommonErrors, DomainError, type FieldError } from './errors.js';
import {
  Checked,
  CheckedBody,
  IsDecimalString,
  IsMoney,
  IsNotBlank,
  createValidationPipe,
  flattenValidationErrors,
  validationFailed,
} from './validation.js';

const ve = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
  ...value: [unknown?]
): ValidationError =>
  // a rest parameter, because a default would turn an explicit undefined (a missing field) into the default
  ({ property, value: value.length ? value[0] : 'x', constraints, children }) as ValidationError;

describe('flattenValidationErrors', () => {
  it('answers one entry per top-level field with a code derived from the constraint', () => {
    expect(flattenValidationErrors([ve('amount', { isMoney: 'amount must be a decimal string' })])).toEqual([
      { field: 'amount', code: 'INVALID_MONEY', message: 'amount must be a decimal string' },
    ]);
  });

  it('builds dotted paths for nested objects and brackets for list indexes', () => {
    const tree = [
      ve('eligibilityRules', undefined, [ve('2', undefined, [ve('value', { isNumber: 'value must be a number' })])]),
      ve('limitFormula', undefined, [ve('maxAmount', { isMoney: 'bad money' })]),
      ve('matrix', undefined, [ve('0', undefined, [ve('1', { isInt: 'not an int' })])]),
    ];
    expect(flattenValidationErrors(tree).map((e) => [e.field, e.code])).toEqual([
      ['eligibilityRules[2].value', 'INVALID_NUMBER'],
      ['limitFormula.maxAmount', 'INVALID_MONEY'],
      ['matrix[0][1]', 'INVALID_INT'],
    ]);
  });

  it('reports a missing value as REQUIRED, once, whatever constraints it broke', () => {
    const errors = flattenValidationErrors([
      ve('name', { isString: 'name must be a string', isLength: 'name is too short', isNotEmpty: 'empty' }, [], undefined),
    ]);
    expect(errors).toEqual([{ field: 'name', code: 'REQUIRED', message: 'name is required' }]);
  });

  it('reports an unknown property as UNKNOWN_FIELD even without a value', () => {
    const errors = flattenValidationErrors([ve('colour', { whitelistValidation: 'property colour should not exist' }, [], undefined)]);
    expect(errors).toEqual([{ field: 'colour', code: 'UNKNOWN_FIELD', message: 'property colour should not exist' }]);
  });

  it('derives codes for constraints it has no name for', () => {
    const codes = flattenValidationErrors([
      ve('a', { maxLength: 'm' }),
      ve('b', { isDateString: 'd' }),
      ve('c', { isUuid: 'u' }),
      ve('d', { isIn: 'i' }),
    ]).map((e) => e.code);
    expect(codes).toEqual(['INVALID_MAX_LENGTH', 'INVALID_DATE_STRING', 'INVALID_UUID', 'INVALID_VALUE']);
  });

  it('keeps several problems of one field when their codes differ', () => {
    const errors = flattenValidationErrors([ve('termDays', { isInt: 'not an int', min: 'too small' }, [], -1.5)]);
    expect(errors.map((e) => e.code)).toEqual(['INVALID_INT', 'INVALID_MIN']);
  });

  it('answers nothing for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

class Address {
  @IsString() @Length(1, 20) city: string;
}

class Sample {
  @IsOptional() @IsNotBlank() label?: string;
  @IsMoney() amount: string;
  @IsDecimalString() rate: string;
  @IsInt() @Min(1) @Max(3650) termDays: number;
  @IsOptional() @IsUUID() ownerId?: string;
  @ValidateNested({ each: true }) @Type(() => Address) addresses: Address[];
}

const BODY: ArgumentMetadata = { type: 'body', metatype: Sample };

async function fieldErrors(body: unknown): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, BODY);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).def).toBe(CommonErrors.VALIDATION_FAILED);
    return (e as DomainError).extras.errors ?? [];
  }
  throw new Error('expected the pipe to refuse the body');
}

describe('createValidationPipe', () => {
  const good = { amount: '125000.00', rate: '0.0435', termDays: 90, addresses: [{ city: '呼和浩特' }] };

  it('lets a valid body through as an instance of the DTO', async () => {
    const out = await createValidationPipe().transform(good, BODY);
    expect(out).toBeInstanceOf(Sample);
    expect(out).toMatchObject(good);
  });

  it('refuses money and rates given as JSON numbers', async () => {
    const errors = await fieldErrors({ ...good, amount: 125000, rate: 0.0435 });
    expect(errors).toEqual([
      { field: 'amount', code: 'INVALID_MONEY', message: 'amount must be a decimal string with at most 2 decimals, such as "125000.00"' },
      { field: 'rate', code: 'INVALID_DECIMAL', message: 'rate must be a non-negative decimal string, such as "0.0435"' },
    ]);
  });

  it('refuses text that is only whitespace', async () => {
    expect(await fieldErrors({ ...good, label: ' \t\n ' })).toEqual([
      { field: 'label', code: 'BLANK', message: 'label must not be blank' },
    ]);
    expect(await createValidationPipe().transform({ ...good, label: ' x ' }, BODY)).toMatchObject({ label: ' x ' });
  });

  it('names unknown fields instead of dropping them silently', async () => {
    expect(await fieldErrors({ ...good, isAdmin: true })).toEqual([expect.objectContaining({ field: 'isAdmin', code: 'UNKNOWN_FIELD' })]);
  });

  it('names a missing field REQUIRED', async () => {
    const { termDays: _omitted, ...rest } = good;
    expect(await fieldErrors(rest)).toEqual([{ field: 'termDays', code: 'REQUIRED', message: 'termDays is required' }]);
  });

  it('gives nested list errors their full path', async () => {
    const errors = await fieldErrors({ ...good, addresses: [{ city: 'a' }, { city: '' }, { city: 'b', zip: '010000' }] });
    expect(errors.map((e) => `${e.field} ${e.code}`).sort()).toEqual([
      'addresses[1].city INVALID_LENGTH',
      'addresses[2].zip UNKNOWN_FIELD',
    ]);
  });

  it('lists every problem of the body at once', async () => {
    const errors = await fieldErrors({ amount: '1.001', rate: '-1', termDays: 0, ownerId: 'nope', addresses: [] });
    expect(errors.map((e) => e.field).sort()).toEqual(['amount', 'ownerId', 'rate', 'termDays']);
  });

  it('refuses a body that is not an object', async () => {
    const errors = await fieldErrors('just text');
    expect(errors.length).toBeGreaterThan(0);
  });
});

/** Checks that class-validator cannot express, the way DTOs declare them. */
const checksumProblems = (code: unknown): FieldError[] =>
  typeof code === 'string' && code.endsWith('9')
    ? [{ field: 'code', code: 'CODE_CHECKSUM', message: 'the check digit does not match' }]
    : [];

@CheckedBody((body) =>
  Object.keys(body)
    .filter((k) => body[k] === null)
    .map((field) => ({ field, code: 'NOT_NULLABLE', message: `${field} cannot be null` })),
)
class Checkable {
  @IsString() @Length(1, 8) @Checked(checksumProblems) code: string;
  @IsOptional() @IsMoney() low?: string;
  @IsOptional()
  @IsMoney()
  @Checked((high, body) =>
    typeof high === 'string' && typeof body.low === 'string' && Number(body.low) > Number(high)
      ? [{ field: 'high', code: 'BELOW_LOW', message: 'high is below low' }]
      : [],
  )
  high?: string;
  @IsOptional()
  @Checked((rules) =>
    Array.isArray(rules) && rules.length > 1 ? [{ field: 'rules[1].name', code: 'RULE_DUPLICATE', message: 'twice' }] : [],
  )
  rules?: unknown[];
}

describe('@Checked and @CheckedBody', () => {
  const CHECKED: ArgumentMetadata = { type: 'body', metatype: Checkable };
  const refusal = async (body: unknown): Promise<string[]> => {
    try {
      await createValidationPipe().transform(body, CHECKED);
    } catch (e) {
      expect((e as DomainError).def).toBe(CommonErrors.VALIDATION_FAILED);
      return ((e as DomainError).extras.errors ?? []).map((x) => `${x.field}:${x.code}`);
    }
    throw new Error('expected the pipe to refuse the body');
  };

  it('lets a body through when the checks find nothing', async () => {
    expect(await createValidationPipe().transform({ code: 'ab1', low: '1.00', high: '2.00' }, CHECKED)).toBeInstanceOf(Checkable);
  });

  it('reports a check with its own code and path', async () => {
    expect(await refusal({ code: 'ab9' })).toEqual(['code:CODE_CHECKSUM']);
    expect(await refusal({ code: 'ab1', rules: [{}, {}] })).toEqual(['rules[1].name:RULE_DUPLICATE']);
  });

  it('reports the checks together with the constraint errors of other fields, in one refusal', async () => {
    expect((await refusal({ code: 'ab9', low: 5, high: '1.00', rules: [{}, {}], extra: true })).sort()).toEqual(
      ['low:INVALID_MONEY', 'extra:UNKNOWN_FIELD', 'code:CODE_CHECKSUM', 'rules[1].name:RULE_DUPLICATE'].sort(),
    );
  });

  it('checks across fields', async () => {
    expect(await refusal({ code: 'ab1', low: '5.00', high: '1.00' })).toEqual(['high:BELOW_LOW']);
  });

  it('does not check a field its constraints refused already', async () => {
    expect(await refusal({ code: 'too-long-9' })).toEqual(['code:INVALID_LENGTH']);
    expect(await refusal({ low: '1.00' })).toEqual(['code:REQUIRED']);
  });

  it('runs a body check on the whole body, with the other problems', async () => {
    expect(await refusal({ code: 'ab9', low: null })).toEqual(['code:CODE_CHECKSUM', 'low:NOT_NULLABLE']);
  });

  it('leaves a body that is not an object to the constraints', async () => {
    expect((await refusal('just text')).length).toBeGreaterThan(0);
  });
});

describe('validationFailed', () => {
  it('joins the messages into the detail unless one is given', () => {
    const errors = [
      { field: 'a', code: 'X', message: 'a is wrong' },
      { field: 'b', code: 'Y', message: 'b is wrong' },
    ];
    expect(validationFailed(errors).detail).toBe('a is wrong; b is wrong');
    expect(validationFailed(errors, 'the rules are wrong').detail).toBe('the rules are wrong');
    expect(validationFailed(errors).extras.errors).toBe(errors);
  });
});
