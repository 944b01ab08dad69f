import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createHttpLogger, createRootLogger } from './logging.js';

const RESIDENT_ID = '11010519491231002X';
const PHONE = '13912345678';
const CARD = '6222021234567890128';

/** What pg throws for a unique violation: the offending values are in `detail`. */
function pgUniqueViolation() {
  return Object.assign(new Error('duplicate key value violates unique constraint "suppliers_ce_id_number_key"'), {
    name: 'error',
    severity: 'ERROR',
    code: '23505',
    detail: `Key (core_enterprise_id, id_number)=(6f1c3f58-3b53-4b1b-9d0c-2f3c1f4e5d6a, ${RESIDENT_ID}) already exists.`,
    where: `SQL statement "INSERT INTO suppliers VALUES ('${RESIDENT_ID}', '${PHONE}')"`,
    internalQuery: `INSERT INTO suppliers VALUES ('${RESIDENT_ID}')`,
    hint: `check ${CARD}`,
    schema: 'public',
    table: 'suppliers',
    column: 'id_number',
    constraint: 'suppliers_ce_id_number_key',
    routine: '_bt_check_unique',
  });
}

function logged(write: (logger: ReturnType<typeof createRootLogger>) => void): { text: string; line: Record<string, any> } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  write(createRootLogger('info', sink));
  const text = chunks.join('');
  return { text, line: JSON.parse(text.trim().split('\n')[0]) };
}

describe('root logger', () => {
  const query = 'INSERT INTO suppliers (core_enterprise_id, id_number, phone, bank_account) VALUES ($1, $2, $3, $4)';

  it('logs a database error without the values of its parameters, its detail or its context', () => {
    const err = new QueryFailedError(query, ['6f1c3f58-3b53-4b1b-9d0c-2f3c1f4e5d6a', RESIDENT_ID, PHONE, CARD], pgUniqueViolation());
    const { text, line } = logged((l) => l.error({ err }, 'upsert failed'));
    for (const value of [RESIDENT_ID, PHONE, CARD]) expect(text).not.toContain(value);
    expect(line.err).not.toHaveProperty('parameters');
    expect(line.err).not.toHaveProperty('driverError');
    expect(line.err).not.toHaveProperty('detail');
    expect(line.err).not.toHaveProperty('where');
  });

  it('keeps what helps to find the fault: type, message, code, constraint, table, column, SQL text, stack', () => {
    const err = new QueryFailedError(query, [RESIDENT_ID], pgUniqueViolation());
    const { line } = logged((l) => l.error({ err }, 'upsert failed'));
    expect(line.err).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "suppliers_ce_id_number_key"',
      code: '23505',
      constraint: 'suppliers_ce_id_number_key',
      schema: 'public',
      table: 'suppliers',
      column: 'id_number',
      query,
    });
    expect(line.err.stack).toMatch(/^QueryFailedError: duplicate key value[\s\S]*\n\s+at /);
  });

  it('masks an identifier that a database message quotes', () => {
    const driverError = Object.assign(new Error(`invalid input syntax for type bigint: "${RESIDENT_ID}"`), {
      code: '22P02',
      routine: 'pg_strtoint64',
    });
    const err = new QueryFailedError('SELECT $1::bigint', [RESIDENT_ID], driverError);
    const { text, line } = logged((l) => l.error({ err }, 'failed'));
    expect(text).not.toContain(RESIDENT_ID);
    expect(line.err.message).toBe('invalid input syntax for type bigint: "110105********002X"');
  });

  it('serialises an error logged as the message itself, and its cause, the same way', () => {
    const cause = new QueryFailedError(query, [RESIDENT_ID], pgUniqueViolation());
    const err = new Error('import failed', { cause });
    const { text, line } = logged((l) => l.error(err));
    expect(text).not.toContain(RESIDENT_ID);
    expect(line.err).toMatchObject({
      type: 'Error',
      message: 'import failed',
      cause: { type: 'QueryFailedError', constraint: 'suppliers_ce_id_number_key' },
    });
  });

  it('leaves other errors readable', () => {
    const err = Object.assign(new TypeError('x is not a function'), { code: 'ERR_X', status: 502 });
    const { line } = logged((l) => l.warn({ err }, 'oops'));
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'x is not a function', code: 'ERR_X', status: 502 });
  });
});

describe('HTTP logger', () => {
  it('serialises an error the same way when pino-http logs it', () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const http = createHttpLogger(createRootLogger('info', sink));
    const err = new QueryFailedError('SELECT $1', [RESIDENT_ID], pgUniqueViolation());
    http.logger.error({ err }, 'failed');
    const line = JSON.parse(chunks.join('').trim());
    expect(chunks.join('')).not.toContain(RESIDENT_ID);
    expect(line.err).toMatchObject({ type: 'QueryFailedError', constraint: 'suppliers_ce_id_number_key', query: 'SELECT $1' });
  });
});
