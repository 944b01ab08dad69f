import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEV_ADMIN_PASSWORD, DEV_ADMIN_USERNAME, loadConfig } from './app-config.js';

/** The problems loadConfig lists for an environment, or none when it loads. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
}

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(32),
  ADMIN_USERNAME: 'root',
  ADMIN_PASSWORD: 'a long enough password',
  DATABASE_URL: 'postgres://chainlend@db:5432/chainlend',
};

describe('loadConfig', () => {
  it('runs with no environment at all, with the documented development defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      databasePoolSize: 20,
      embeddedDir: '.data',
      adminUsername: DEV_ADMIN_USERNAME,
      adminPassword: DEV_ADMIN_PASSWORD,
      logLevel: 'info',
      loginMaxFailures: 5,
      loginLockSeconds: 900,
      businessTimeZone: 'Asia/Shanghai',
      jwtExpiresInSeconds: 3600,
      runWorkers: true,
      bankUrl: undefined,
      bankSim: { rejectShare: 0, timeoutShare: 0, latencyMs: 0 },
    });
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('does not read process.env when given an environment', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4999';
    try {
      expect(loadConfig({}).port).toBe(3000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('gives each test run its own random JWT secret and silent logs', () => {
    const a = loadConfig({ NODE_ENV: 'test' });
    const b = loadConfig({ NODE_ENV: 'test' });
    expect(a.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.logLevel).toBe('silent');
  });

  it('reads the values it is given, trimmed', () => {
    const c = loadConfig({
      PORT: ' 8080 ',
      LOGIN_MAX_FAILURES: '3',
      RUN_WORKERS: 'no',
      BANK_SIM_REJECT_SHARE: '0.25',
      BANK_URL: 'http://bank:4000',
      BUSINESS_TIME_ZONE: 'Europe/Berlin',
      DATABASE_URL: 'postgresql://u@h:5432/d',
    });
    expect(c).toMatchObject({
      port: 8080,
      loginMaxFailures: 3,
      runWorkers: false,
      bankSim: { rejectShare: 0.25 },
      bankUrl: 'http://bank:4000',
      businessTimeZone: 'Europe/Berlin',
      databaseUrl: 'postgresql://u@h:5432/d',
    });
  });

  it('treats blank values as unset', () => {
    const c = loadConfig({ PORT: '   ', ADMIN_USERNAME: '', BUSINESS_TIME_ZONE: ' ' });
    expect(c.port).toBe(3000);
    expect(c.adminUsername).toBe(DEV_ADMIN_USERNAME);
    expect(c.businessTimeZone).toBe('Asia/Shanghai');
  });

  it('starts in production when everything it needs is set', () => {
    const c = loadConfig(PRODUCTION);
    expect(c.env).toBe('production');
    expect(c.jwtSecret).toBe(PRODUCTION.JWT_SECRET);
    expect(c.adminUsername).toBe('root');
  });

  it('refuses production without JWT_SECRET, ADMIN_USERNAME and ADMIN_PASSWORD, listing all three', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'JWT_SECRET is required in production',
        'ADMIN_USERNAME is required in production',
        'ADMIN_PASSWORD is required in production',
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('never falls back to the development secret or admin in production', () => {
    for (const missing of ['JWT_SECRET', 'ADMIN_USERNAME', 'ADMIN_PASSWORD']) {
      const env: Record<string, string> = { ...PRODUCTION };
      delete env[missing];
      expect(problemsOf(env)).toEqual([`${missing} is required in production`]);
    }
  });

  it('refuses a short JWT secret or admin password in production', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: 'short', ADMIN_PASSWORD: 'short' })).toEqual([
      'JWT_SECRET must be at least 32 characters',
      'ADMIN_PASSWORD must be at least 12 characters',
    ]);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['PORT', '-1'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['DATABASE_POOL_SIZE', '1e2'],
    ['JWT_EXPIRES_IN_SECONDS', '10'],
  ])('refuses %s=%s, naming the variable, the range and the value', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} must be an integer from \\d+ to \\d+ \\(got "${value.replace('.', '\\.')}"\\)$`));
  });

  it.each([
    ['DATABASE_URL', 'mysql://u@h/d'],
    ['DATABASE_URL', 'not a url'],
    ['BANK_URL', 'ftp://bank'],
    ['BANK_URL', 'bank:4000/x y'],
  ])('refuses %s=%s', (name, value) => {
    expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(new RegExp(`^${name} must be a .* URL$`))]);
  });

  it('refuses a time zone that is not IANA', () => {
    expect(problemsOf({ BUSINESS_TIME_ZONE: 'Mars/Olympus_Mons' })).toEqual(['BUSINESS_TIME_ZONE "Mars/Olympus_Mons" is not an IANA time zone']);
  });

  it('refuses an unknown NODE_ENV, a bad boolean and a share outside 0-1', () => {
    const problems = problemsOf({ NODE_ENV: 'staging', RUN_WORKERS: 'maybe', BANK_SIM_REJECT_SHARE: '1.5', BANK_SIM_TIMEOUT_SHARE: '-0.1' });
    expect(problems).toEqual([
      'NODE_ENV must be development, production or test (got "staging")',
      'RUN_WORKERS must be true or false (got "maybe")',
      'BANK_SIM_REJECT_SHARE must be a number from 0 to 1 (got "1.5")',
      'BANK_SIM_TIMEOUT_SHARE must be a number from 0 to 1 (got "-0.1")',
    ]);
  });

  it('lists every problem at once, so one restart fixes them all', () => {
    const err = (() => {
      try {
        loadConfig({ NODE_ENV: 'production', PORT: 'x', DATABASE_URL: 'nope', BUSINESS_TIME_ZONE: 'Nowhere' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err.problems).toHaveLength(6);
    expect(err.message.split('\n')).toHaveLength(7);
    expect(err.message).toMatch(/^Invalid configuration:/);
  });

  describe('roster upload and import limits', () => {
    it('has defaults a bank can run with', () => {
      expect(loadConfig({}).roster).toEqual({
        uploadDir: path.join(os.tmpdir(), 'chainlend-uploads'),
        uploadIdleSeconds: 30,
        uploadMinBytesPerSecond: 16384,
        maxConcurrentUploads: 8,
        maxConcurrentUploadsPerCoreEnterprise: 2,
        storageQuotaBytes: 1024 ** 3,
        uploadsPerHour: 60,
        fileRetentionDays: 7,
        maxInflatedBytes: 512 * 1024 ** 2,
        maxInflateRatio: 100,
        maxSharedStrings: 2_000_000,
        parserMemoryMb: 512,
        maxReportedProblems: 100_000,
      });
    });

    it('reads every variable', () => {
      const c = loadConfig({
        ROSTER_UPLOAD_DIR: '/var/spool/chainlend',
        ROSTER_UPLOAD_IDLE_SECONDS: '5',
        ROSTER_UPLOAD_MIN_BYTES_PER_SECOND: '1000',
        ROSTER_MAX_CONCURRENT_UPLOADS: '20',
        ROSTER_MAX_CONCURRENT_UPLOADS_PER_CORE_ENTERPRISE: '3',
        ROSTER_STORAGE_QUOTA_BYTES: String(2 * 1024 ** 3),
        ROSTER_UPLOADS_PER_HOUR: '10',
        ROSTER_FILE_RETENTION_DAYS: '30',
        ROSTER_MAX_INFLATED_BYTES: String(64 * 1024 ** 2),
        ROSTER_MAX_INFLATE_RATIO: '50',
        ROSTER_MAX_SHARED_STRINGS: '1000',
        ROSTER_PARSER_MEMORY_MB: '256',
        ROSTER_MAX_REPORTED_PROBLEMS: '10',
      });
      expect(c.roster).toEqual({
        uploadDir: '/var/spool/chainlend',
        uploadIdleSeconds: 5,
        uploadMinBytesPerSecond: 1000,
        maxConcurrentUploads: 20,
        maxConcurrentUploadsPerCoreEnterprise: 3,
        storageQuotaBytes: 2 * 1024 ** 3,
        uploadsPerHour: 10,
        fileRetentionDays: 30,
        maxInflatedBytes: 64 * 1024 ** 2,
        maxInflateRatio: 50,
        maxSharedStrings: 1000,
        parserMemoryMb: 256,
        maxReportedProblems: 10,
      });
    });

    it('refuses a relative upload directory', () => {
      expect(problemsOf({ ROSTER_UPLOAD_DIR: 'tmp/uploads' })).toEqual(['ROSTER_UPLOAD_DIR must be an absolute path (got "tmp/uploads")']);
    });

    it('refuses a per-core-enterprise cap above the instance cap, which could never be reached', () => {
      expect(problemsOf({ ROSTER_MAX_CONCURRENT_UPLOADS: '4', ROSTER_MAX_CONCURRENT_UPLOADS_PER_CORE_ENTERPRISE: '5' })).toEqual([
        'ROSTER_MAX_CONCURRENT_UPLOADS_PER_CORE_ENTERPRISE (5) cannot exceed ROSTER_MAX_CONCURRENT_UPLOADS (4)',
      ]);
    });

    it('refuses a storage quota smaller than the largest upload, which could then never be stored', () => {
      expect(problemsOf({ ROSTER_MAX_UPLOAD_BYTES: String(200 * 1024 ** 2), ROSTER_STORAGE_QUOTA_BYTES: String(100 * 1024 ** 2) })).toEqual([
        `ROSTER_STORAGE_QUOTA_BYTES (${100 * 1024 ** 2}) must be at least ROSTER_MAX_UPLOAD_BYTES (${200 * 1024 ** 2})`,
      ]);
    });

    it.each([
      ['ROSTER_UPLOAD_IDLE_SECONDS', '0'],
      ['ROSTER_UPLOAD_MIN_BYTES_PER_SECOND', '0'],
      ['ROSTER_MAX_CONCURRENT_UPLOADS', '0'],
      ['ROSTER_UPLOADS_PER_HOUR', 'lots'],
      ['ROSTER_FILE_RETENTION_DAYS', '0'],
      ['ROSTER_MAX_INFLATE_RATIO', '1'],
      ['ROSTER_PARSER_MEMORY_MB', '16'],
      ['ROSTER_MAX_REPORTED_PROBLEMS', '-1'],
    ])('refuses %s=%s', (name, value) => {
      expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(new RegExp(`^${name} must be an integer from \\d+ to \\d+`))]);
    });
  });
});
