import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { isTimeZone } from '../common/business-date.js';
import { DEFAULT_XLSX_LIMITS } from '../rosters/parsing/reader.js';

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
  loginMaxFailures: number;
  loginLockSeconds: number;
  rosterMaxUploadBytes: number;
  roster: RosterLimits;
  businessTimeZone: string;
  jobPollingMs: number;
  runWorkers: boolean;
  bankUrl: string | undefined;
  bankSimApiKey: string;
  bankSim: { rejectShare: number; timeoutShare: number; latencyMs: number };
  bankTimeoutMs: number;
  disburseConcurrency: number;
  disburseLeaseSeconds: number;
  disburseSweepMs: number;
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
const DEV_JWT_SECRET = 'chainlend-development-secret-not-for-production';

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

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new EnvReader(env);
  const nodeEnv = r.string('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    r.problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';

  const jwtSecret = r.string('JWT_SECRET');
  const adminUsername = r.string('ADMIN_USERNAME');
  const adminPassword = r.string('ADMIN_PASSWORD');
  if (production) {
    if (!jwtSecret) r.problems.push('JWT_SECRET is required in production');
    else if (jwtSecret.length < 32) r.problems.push('JWT_SECRET must be at least 32 characters');
    if (!adminUsername) r.problems.push('ADMIN_USERNAME is required in production');
    if (!adminPassword) r.problems.push('ADMIN_PASSWORD is required in production');
    else if (adminPassword.length < 12) r.problems.push('ADMIN_PASSWORD must be at least 12 characters');
  }

  const businessTimeZone = r.string('BUSINESS_TIME_ZONE') ?? 'Asia/Shanghai';
  if (!isTimeZone(businessTimeZone)) r.problems.push(`BUSINESS_TIME_ZONE "${businessTimeZone}" is not an IANA time zone`);

  const rosterMaxUploadBytes = r.int('ROSTER_MAX_UPLOAD_BYTES', 100 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024);
  const roster = rosterLimits(r, rosterMaxUploadBytes);

  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    port: r.int('PORT', 3000, 0, 65535),
    host: r.string('HOST') ?? '0.0.0.0',
    databaseUrl: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: r.int('DATABASE_POOL_SIZE', 20, 1, 200),
    embeddedDir: r.string('EMBEDDED_PG_DIR') ?? '.data',
    embeddedPort: r.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    jwtSecret: jwtSecret ?? (nodeEnv === 'test' ? randomBytes(32).toString('hex') : DEV_JWT_SECRET),
    jwtExpiresInSeconds: r.int('JWT_EXPIRES_IN_SECONDS', 3600, 60, 7 * 24 * 3600),
    adminUsername: adminUsername ?? (production ? undefined : DEV_ADMIN_USERNAME),
    adminPassword: adminPassword ?? (production ? undefined : DEV_ADMIN_PASSWORD),
    logLevel: r.string('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    loginMaxFailures: r.int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockSeconds: r.int('LOGIN_LOCK_SECONDS', 900, 1, 86400),
    rosterMaxUploadBytes,
    roster,
    businessTimeZone,
    // pg-boss refuses to poll more often than every 500 ms; in-process work is also woken directly.
    jobPollingMs: r.int('JOB_POLLING_MS', 1000, 500, 60000),
    runWorkers: r.bool('RUN_WORKERS', true),
    bankUrl: r.url('BANK_URL', ['http:', 'https:']),
    bankSimApiKey: r.string('BANK_SIM_API_KEY') ?? 'bank-sim-dev-key',
    bankSim: {
      rejectShare: r.share('BANK_SIM_REJECT_SHARE', 0),
      timeoutShare: r.share('BANK_SIM_TIMEOUT_SHARE', 0),
      latencyMs: r.int('BANK_SIM_LATENCY_MS', 0, 0, 60000),
    },
    bankTimeoutMs: r.int('BANK_TIMEOUT_MS', 5000, 10, 600000),
    disburseConcurrency: r.int('DISBURSE_CONCURRENCY', 32, 1, 256),
    disburseLeaseSeconds: r.int('DISBURSE_LEASE_SECONDS', 30, 2, 3600),
    disburseSweepMs: r.int('DISBURSE_SWEEP_MS', 5000, 200, 600000),
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
    r.problems.push(`ROSTER_STORAGE_QUOTA_BYTES (${limits.storageQuotaBytes}) must be at least ROSTER_MAX_UPLOAD_BYTES (${maxUploadBytes})`);
  }
  return limits;
}
