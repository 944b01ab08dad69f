import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isTimeZone } from '../common/business-date.js';
import { DEFAULT_XLSX_LIMITS } from './xlsx-limits.js';

/**
 * The service's whole configuration, read once from the environment and validated at boot.
 * Everything else receives this object; nothing reads process.env after start-up, so tests and the
 * CLI build exactly the configuration they mean.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: start the embedded PostgreSQL under embeddedDir. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  embeddedDir: string;
  embeddedPort: number;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  /** Serve /docs, /docs-json and /docs-yaml. */
  apiDocsEnabled: boolean;
  /** Development start on the embedded database: seed a demo core enterprise, programme and a login per role. */
  demoLogins: boolean;
  /** Failed logins of one username from one client address before the growing delays start. */
  loginMaxFailures: number;
  /** Failed logins of one username from all addresses together before they start for new addresses. */
  loginMaxFailuresPerUsername: number;
  /** The first delay; each further failure doubles it, up to loginLockSeconds. */
  loginBaseDelaySeconds: number;
  loginLockSeconds: number;
  /** Failures are forgotten after this long without one. */
  loginFailureMemorySeconds: number;
  /** An address a user logged in from this recently is not held back by other addresses' failures. */
  loginKnownAddressDays: number;
  /** Rate limits of the unauthenticated routes, per client address and from all addresses together. */
  throttle: { perAddress: number; global: number; windowSeconds: number };
  /** Express's `trust proxy`: false, a hop count, or the proxies' addresses and subnets. */
  trustProxy: false | number | string;
  rosterMaxUploadBytes: number;
  roster: RosterLimits;
  businessTimeZone: string;
  /**
   * `simulated`: the business date is whatever an ADMIN last set with PUT /clock (tests, demos);
   * `real`: the calendar date in the asking programme's time zone. Production refuses `simulated`.
   */
  clock: 'real' | 'simulated';
  jobPollingMs: number;
  runWorkers: boolean;
  bankUrl: string | undefined;
  bankSimApiKey: string;
  bankSim: { rejectShare: number; timeoutShare: number; latencyMs: number };
  bankTimeoutMs: number;
  disburseConcurrency: number;
  disburseLeaseSeconds: number;
  disburseSweepMs: number;
  /** End of day: loans per chunk (one transaction each) and chunks closed at the same time. */
  cobChunkSize: number;
  cobWorkers: number;
  /**
   * Dates a catch-up closes per pass over the loans: each loan's row is read and written once per
   * pass, each date still computed and posted on its own, in order.
   */
  cobDatesPerPass: number;
  /**
   * How often each instance checks for an end-of-day run to resume (its instance died) and, with
   * cobSchedule on the real clock, whether yesterday still needs closing.
   */
  cobSweepMs: number;
  cobSchedule: boolean;
  /** The bank's own account that disbursements are paid from (pain.001 Dbtr). */
  debtor: { name: string; account: string; agentBic: string | undefined; agentMemberId: string | undefined };
}

/** What a core enterprise may make the service hold, read and parse for its rosters. */
export interface RosterLimits {
  /** Where upload bodies and import spools are kept while in use (private to the service). */
  uploadDir: string;
  /** An upload that sends nothing for this long is cut off; also the grace before its rate is judged. */
  uploadIdleSeconds: number;
  uploadMinBytesPerSecond: number;
  maxConcurrentUploads: number;
  maxConcurrentUploadsPerCoreEnterprise: number;
  /** Bytes of stored uploads not imported yet (queued, running, failed and kept), per core enterprise. */
  storageQuotaBytes: number;
  uploadsPerHour: number;
  /** Stored files of FAILED imports are deleted this long after they failed. */
  fileRetentionDays: number;
  maxInflatedBytes: number;
  maxInflateRatio: number;
  maxSharedStrings: number;
  parserMemoryMb: number;
  maxReportedProblems: number;
}

export const DEV_ADMIN_USERNAME = 'admin';
export const DEV_ADMIN_PASSWORD = 'chainlend-admin-dev';
export const DEV_JWT_SECRET = 'chainlend-development-secret-not-for-production';
const DEV_BANK_SIM_API_KEY = 'bank-sim-dev-key';
const MIN_SECRET_LENGTH = 32;
/** pino's levels, and silent. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Only this machine can reach a service bound here: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v === '' ? undefined : v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  }

  share(name: string, fallback: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d*\.?\d+$/.test(raw) || n < 0 || n > 1) {
      this.problems.push(`${name} must be a number from 0 to 1 (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      return undefined;
    }
  }
}

export interface LoadOptions {
  /** The standalone bank simulator is the bank: it needs no BANK_URL of its own. */
  bankSimulator?: boolean;
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Which proxies may tell us the client's address (X-Forwarded-For). `true` would believe any
 * client about its own address, so it is refused: name the proxies, or count the hops.
 */
function readTrustProxy(r: EnvReader, name: string): AppConfig['trustProxy'] {
  const raw = r.string(name)?.toLowerCase();
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw) && Number(raw) <= 10) return Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  if (raw !== 'true' && entries.every(isAddressOrSubnet)) return entries.join(',');
  r.problems.push(
    `${name} must be false, a number of proxy hops from 1 to 10, or a comma-separated list of proxy addresses, subnets, loopback, linklocal, uniquelocal (got "${raw}")`,
  );
  return false;
}

export function loadConfig(env: Env = process.env, options: LoadOptions = {}): AppConfig {
  const r = new EnvReader(env);
  const nodeEnv = r.string('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    r.problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';

  const jwtSecret = r.string('JWT_SECRET');
  const effectiveJwtSecret = jwtSecret ?? (nodeEnv === 'test' ? randomBytes(32).toString('hex') : DEV_JWT_SECRET);
  const adminUsername = r.string('ADMIN_USERNAME');
  const adminPassword = r.string('ADMIN_PASSWORD');
  const bankUrl = r.url('BANK_URL', ['http:', 'https:']);
  const bankSimApiKey = r.string('BANK_SIM_API_KEY');
  const host = r.string('HOST') ?? '127.0.0.1';
  if (production) {
    if (!jwtSecret) r.problems.push('JWT_SECRET is required in production');
    else if (jwtSecret === DEV_JWT_SECRET) r.problems.push('JWT_SECRET is the public development secret');
    else if (jwtSecret.length < MIN_SECRET_LENGTH) r.problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    if (!adminUsername) r.problems.push('ADMIN_USERNAME is required in production');
    if (!adminPassword) r.problems.push('ADMIN_PASSWORD is required in production');
    else if (adminPassword === DEV_ADMIN_PASSWORD) r.problems.push('ADMIN_PASSWORD is the public development password');
    else if (adminPassword.length < 12) r.problems.push('ADMIN_PASSWORD must be at least 12 characters');
    // without it every payment would go to the in-process simulator, which pays nobody
    if (r.string('BANK_URL') === undefined && !options.bankSimulator) {
      r.problems.push("BANK_URL is required in production: the bank's payment API (the in-process simulator is for development and tests)");
    }
    if (!bankSimApiKey) r.problems.push('BANK_SIM_API_KEY is required in production');
    else if (bankSimApiKey.length < MIN_SECRET_LENGTH) r.problems.push(`BANK_SIM_API_KEY must be at least ${MIN_SECRET_LENGTH} characters`);
  } else if (!isLoopbackHost(host)) {
    // the defaults are printed in the README: anyone who can reach the port could sign tokens or log in as admin
    const publicDefaults = [
      ...(effectiveJwtSecret === DEV_JWT_SECRET ? ['JWT_SECRET'] : []),
      ...((adminPassword ?? DEV_ADMIN_PASSWORD) === DEV_ADMIN_PASSWORD ? ['ADMIN_PASSWORD'] : []),
    ];
    if (publicDefaults.length) {
      const what =
        publicDefaults.length > 1 ? 'are the public development defaults: set both' : 'is the public development default: set it';
      r.problems.push(
        `HOST ${host} is reachable from other machines while ${publicDefaults.join(' and ')} ${what}, or bind HOST=127.0.0.1`,
      );
    }
  }

  const logLevel = r.string('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) r.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  const loginMaxFailures = r.int('LOGIN_MAX_FAILURES', 5, 1, 1000);
  const loginMaxFailuresPerUsername = r.int('LOGIN_MAX_FAILURES_PER_USERNAME', 4 * loginMaxFailures, 1, 100_000);
  if (loginMaxFailuresPerUsername < loginMaxFailures) {
    r.problems.push(
      `LOGIN_MAX_FAILURES_PER_USERNAME (${loginMaxFailuresPerUsername}) must be at least LOGIN_MAX_FAILURES (${loginMaxFailures})`,
    );
  }
  const loginLockSeconds = r.int('LOGIN_LOCK_SECONDS', 900, 1, 86400);
  const loginBaseDelaySeconds = r.int('LOGIN_BASE_DELAY_SECONDS', Math.min(30, loginLockSeconds), 1, 86400);
  if (loginBaseDelaySeconds > loginLockSeconds) {
    r.problems.push(`LOGIN_BASE_DELAY_SECONDS (${loginBaseDelaySeconds}) must be at most LOGIN_LOCK_SECONDS (${loginLockSeconds})`);
  }
  const loginFailureMemorySeconds = r.int('LOGIN_FAILURE_MEMORY_SECONDS', Math.max(86400, 2 * loginLockSeconds), 2, 30 * 86400);
  // Otherwise waiting out the longest delay would also wipe the count, and the free attempts with it.
  if (loginFailureMemorySeconds <= loginLockSeconds) {
    r.problems.push(
      `LOGIN_FAILURE_MEMORY_SECONDS (${loginFailureMemorySeconds}) must be longer than LOGIN_LOCK_SECONDS (${loginLockSeconds})`,
    );
  }

  const businessTimeZone = r.string('BUSINESS_TIME_ZONE') ?? 'Asia/Shanghai';
  if (!isTimeZone(businessTimeZone)) r.problems.push(`BUSINESS_TIME_ZONE "${businessTimeZone}" is not an IANA time zone`);

  const clock = (r.string('CLOCK') ?? 'real').toLowerCase();
  if (clock !== 'real' && clock !== 'simulated') r.problems.push(`CLOCK must be real or simulated (got "${clock}")`);
  // a simulated date would let one request move every loan's interest and overdue days
  else if (clock === 'simulated' && production) r.problems.push('CLOCK=simulated is refused in production: it is for tests and demos');

  const rosterMaxUploadBytes = r.int('ROSTER_MAX_UPLOAD_BYTES', 100 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024);
  const roster = rosterLimits(r, rosterMaxUploadBytes);

  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    port: r.int('PORT', 3000, 0, 65535),
    host,
    databaseUrl: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: r.int('DATABASE_POOL_SIZE', 20, 1, 200),
    embeddedDir: r.string('EMBEDDED_PG_DIR') ?? '.data',
    embeddedPort: r.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    jwtSecret: effectiveJwtSecret,
    jwtExpiresInSeconds: r.int('JWT_EXPIRES_IN_SECONDS', 3600, 60, 7 * 24 * 3600),
    adminUsername: adminUsername ?? (production ? undefined : DEV_ADMIN_USERNAME),
    adminPassword: adminPassword ?? (production ? undefined : DEV_ADMIN_PASSWORD),
    logLevel,
    // the document maps every endpoint for anyone who can reach the port: off in production unless asked for
    apiDocsEnabled: r.bool('API_DOCS_ENABLED', !production),
    demoLogins: !production && r.bool('DEMO_LOGINS', true),
    loginMaxFailures,
    loginMaxFailuresPerUsername,
    loginBaseDelaySeconds,
    loginLockSeconds,
    loginFailureMemorySeconds,
    loginKnownAddressDays: r.int('LOGIN_KNOWN_ADDRESS_DAYS', 30, 0, 365),
    throttle: {
      perAddress: r.int('THROTTLE_PER_ADDRESS', 20, 1, 1_000_000),
      global: r.int('THROTTLE_GLOBAL', 600, 1, 10_000_000),
      windowSeconds: r.int('THROTTLE_WINDOW_SECONDS', 60, 1, 86400),
    },
    trustProxy: readTrustProxy(r, 'TRUST_PROXY'),
    rosterMaxUploadBytes,
    roster,
    businessTimeZone,
    clock: clock as AppConfig['clock'],
    // pg-boss refuses to poll more often than every 500 ms; in-process work is also woken directly.
    jobPollingMs: r.int('JOB_POLLING_MS', 1000, 500, 60000),
    runWorkers: r.bool('RUN_WORKERS', true),
    bankUrl,
    bankSimApiKey: bankSimApiKey ?? DEV_BANK_SIM_API_KEY,
    bankSim: {
      rejectShare: r.share('BANK_SIM_REJECT_SHARE', 0),
      timeoutShare: r.share('BANK_SIM_TIMEOUT_SHARE', 0),
      latencyMs: r.int('BANK_SIM_LATENCY_MS', 0, 0, 60000),
    },
    bankTimeoutMs: r.int('BANK_TIMEOUT_MS', 5000, 10, 600000),
    disburseConcurrency: r.int('DISBURSE_CONCURRENCY', 32, 1, 256),
    disburseLeaseSeconds: r.int('DISBURSE_LEASE_SECONDS', 30, 2, 3600),
    disburseSweepMs: r.int('DISBURSE_SWEEP_MS', 5000, 200, 600000),
    cobChunkSize: r.int('COB_CHUNK_SIZE', 10000, 100, 100000),
    cobWorkers: r.int('COB_WORKERS', 2, 1, 16),
    cobDatesPerPass: r.int('COB_DATES_PER_PASS', 10, 1, 31),
    cobSweepMs: r.int('COB_SWEEP_MS', 60000, 200, 3600000),
    cobSchedule: r.bool('COB_SCHEDULE', true),
    debtor: {
      name: r.string('DEBTOR_NAME') ?? 'ChainLend Partner Bank - loan disbursement account',
      account: r.string('DEBTOR_ACCOUNT') ?? '11001000000000000001',
      agentBic: r.string('DEBTOR_AGENT_BIC'),
      agentMemberId: r.string('DEBTOR_AGENT_MEMBER_ID') ?? (r.string('DEBTOR_AGENT_BIC') ? undefined : '102100099996'),
    },
  };
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

const MiB = 1024 * 1024;

function rosterLimits(r: EnvReader, maxUploadBytes: number): RosterLimits {
  const uploadDir = r.string('ROSTER_UPLOAD_DIR') ?? path.join(os.tmpdir(), 'chainlend-uploads');
  if (!path.isAbsolute(uploadDir)) r.problems.push(`ROSTER_UPLOAD_DIR must be an absolute path (got "${uploadDir}")`);
  const limits: RosterLimits = {
    uploadDir,
    uploadIdleSeconds: r.int('ROSTER_UPLOAD_IDLE_SECONDS', 30, 1, 3600),
    uploadMinBytesPerSecond: r.int('ROSTER_UPLOAD_MIN_BYTES_PER_SECOND', 16 * 1024, 1, 1024 * MiB),
    maxConcurrentUploads: r.int('ROSTER_MAX_CONCURRENT_UPLOADS', 8, 1, 1000),
    maxConcurrentUploadsPerCoreEnterprise: r.int('ROSTER_MAX_CONCURRENT_UPLOADS_PER_CORE_ENTERPRISE', 2, 1, 1000),
    storageQuotaBytes: r.int('ROSTER_STORAGE_QUOTA_BYTES', 1024 * MiB, 1024, 1024 * 1024 * MiB),
    uploadsPerHour: r.int('ROSTER_UPLOADS_PER_HOUR', 60, 1, 100_000),
    fileRetentionDays: r.int('ROSTER_FILE_RETENTION_DAYS', 7, 1, 3650),
    maxInflatedBytes: r.int('ROSTER_MAX_INFLATED_BYTES', DEFAULT_XLSX_LIMITS.maxInflatedBytes, MiB, 64 * 1024 * MiB),
    maxInflateRatio: r.int('ROSTER_MAX_INFLATE_RATIO', DEFAULT_XLSX_LIMITS.maxRatio, 2, 10_000),
    maxSharedStrings: r.int('ROSTER_MAX_SHARED_STRINGS', DEFAULT_XLSX_LIMITS.maxSharedStrings, 1, 100_000_000),
    parserMemoryMb: r.int('ROSTER_PARSER_MEMORY_MB', 512, 32, 16_384),
    maxReportedProblems: r.int('ROSTER_MAX_REPORTED_PROBLEMS', 100_000, 1, 10_000_000),
  };
  if (limits.maxConcurrentUploadsPerCoreEnterprise > limits.maxConcurrentUploads) {
    r.problems.push(
      `ROSTER_MAX_CONCURRENT_UPLOADS_PER_CORE_ENTERPRISE (${limits.maxConcurrentUploadsPerCoreEnterprise}) cannot exceed ROSTER_MAX_CONCURRENT_UPLOADS (${limits.maxConcurrentUploads})`,
    );
  }
  if (limits.storageQuotaBytes < maxUploadBytes) {
    r.problems.push(
      `ROSTER_STORAGE_QUOTA_BYTES (${limits.storageQuotaBytes}) must be at least ROSTER_MAX_UPLOAD_BYTES (${maxUploadBytes})`,
    );
  }
  return limits;
}
