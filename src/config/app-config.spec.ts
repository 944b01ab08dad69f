import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEV_ADMIN_PASSWORD, DEV_ADMIN_USERNAME, DEV_JWT_SECRET, loadConfig } from './app-config.js';

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
  BANK_URL: 'https://payments.bank.example',
  BANK_SIM_API_KEY: 'k'.repeat(32),
};

/** Outside production, what a machine reachable from the network must set instead of the public defaults. */
const OWN_SECRETS = { JWT_SECRET: 'a-private-development-secret-of-32+chars', ADMIN_PASSWORD: 'a private admin password' };

describe('loadConfig', () => {
  it('runs with no environment at all, with the documented development defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databasePoolSize: 20,
      embeddedDir: '.data',
      adminUsername: DEV_ADMIN_USERNAME,
      adminPassword: DEV_ADMIN_PASSWORD,
      logLevel: 'info',
      loginMaxFailures: 5,
      loginMaxFailuresPerUsername: 20,
      loginBaseDelaySeconds: 30,
      loginLockSeconds: 900,
      loginFailureMemorySeconds: 86400,
      loginKnownAddressDays: 30,
      throttle: { perAddress: 20, global: 600, windowSeconds: 60 },
      trustProxy: false,
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

  it('refuses production without its secrets and its bank, listing them all', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'JWT_SECRET is required in production',
        'ADMIN_USERNAME is required in production',
        'ADMIN_PASSWORD is required in production',
        expect.stringMatching(/^BANK_URL is required in production/),
        'BANK_SIM_API_KEY is required in production',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('never falls back to the development secrets, the admin or the in-process bank in production', () => {
    for (const missing of ['JWT_SECRET', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'BANK_URL', 'BANK_SIM_API_KEY']) {
      const env: Record<string, string> = { ...PRODUCTION };
      delete env[missing];
      expect(problemsOf(env)).toEqual([expect.stringMatching(new RegExp(`^${missing} is required in production`))]);
    }
  });

  it('refuses a short bank key in production', () => {
    expect(problemsOf({ ...PRODUCTION, BANK_SIM_API_KEY: 'bank-sim-dev-key' })).toEqual([
      'BANK_SIM_API_KEY must be at least 32 characters',
    ]);
  });

  it('refuses the public development JWT secret and admin password in production, long as they are', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: DEV_JWT_SECRET, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD })).toEqual([
      'JWT_SECRET is the public development secret',
      'ADMIN_PASSWORD is the public development password',
    ]);
  });

  it('lets the standalone bank simulator start in production without a BANK_URL (it is the bank)', () => {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env.BANK_URL;
    expect(loadConfig(env, { bankSimulator: true }).bankSimApiKey).toBe(PRODUCTION.BANK_SIM_API_KEY);
    expect(() => loadConfig({ ...env, BANK_SIM_API_KEY: 'short' }, { bankSimulator: true })).toThrow(
      /BANK_SIM_API_KEY must be at least 32 characters/,
    );
  });

  describe('outside production', () => {
    it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '::ffff:127.0.0.1'])('binds %s with the development defaults', (HOST) => {
      expect(loadConfig({ HOST }).host).toBe(HOST);
    });

    it.each(['0.0.0.0', '::', '10.0.0.5', 'chainlend.internal'])(
      'refuses to bind %s while the public development JWT secret or admin password are in use',
      (HOST) => {
        expect(problemsOf({ HOST })).toEqual([
          `HOST ${HOST} is reachable from other machines while JWT_SECRET and ADMIN_PASSWORD are the public development defaults: set both, or bind HOST=127.0.0.1`,
        ]);
        expect(problemsOf({ HOST, JWT_SECRET: OWN_SECRETS.JWT_SECRET })).toEqual([
          `HOST ${HOST} is reachable from other machines while ADMIN_PASSWORD is the public development default: set it, or bind HOST=127.0.0.1`,
        ]);
        expect(problemsOf({ HOST, ADMIN_PASSWORD: OWN_SECRETS.ADMIN_PASSWORD })).toEqual([
          `HOST ${HOST} is reachable from other machines while JWT_SECRET is the public development default: set it, or bind HOST=127.0.0.1`,
        ]);
        expect(problemsOf({ HOST, ...OWN_SECRETS, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD })).toHaveLength(1);
        expect(problemsOf({ HOST, NODE_ENV: 'test' })).toHaveLength(1);
      },
    );

    it('binds any address once its own secrets are set', () => {
      expect(loadConfig({ HOST: '0.0.0.0', ...OWN_SECRETS }).host).toBe('0.0.0.0');
    });

    it('keeps a development key for the bank simulator', () => {
      expect(loadConfig({}).bankSimApiKey).toBe('bank-sim-dev-key');
    });
  });

  it('serves the API documentation outside production only, unless told otherwise', () => {
    expect(loadConfig({}).apiDocsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocsEnabled).toBe(true);
    expect(loadConfig(PRODUCTION).apiDocsEnabled).toBe(false);
    expect(loadConfig({ ...PRODUCTION, API_DOCS_ENABLED: 'true' }).apiDocsEnabled).toBe(true);
    expect(loadConfig({ API_DOCS_ENABLED: 'false' }).apiDocsEnabled).toBe(false);
    expect(problemsOf({ API_DOCS_ENABLED: 'sometimes' })).toEqual(['API_DOCS_ENABLED must be true or false (got "sometimes")']);
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])('takes LOG_LEVEL=%s', (LOG_LEVEL) => {
    expect(loadConfig({ LOG_LEVEL }).logLevel).toBe(LOG_LEVEL);
  });

  it.each(['loud', 'INFO ', 'verbose', '30'])('refuses LOG_LEVEL=%s with the configuration message', (LOG_LEVEL) => {
    expect(problemsOf({ LOG_LEVEL })).toEqual([
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${LOG_LEVEL.trim()}")`,
    ]);
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

  describe('login throttling', () => {
    it('derives the per-username allowance, the first delay and the memory from the settings they depend on', () => {
      expect(loadConfig({ LOGIN_MAX_FAILURES: '8', LOGIN_LOCK_SECONDS: '20' })).toMatchObject({
        loginMaxFailuresPerUsername: 32,
        loginBaseDelaySeconds: 20,
        loginFailureMemorySeconds: 86400,
      });
      expect(loadConfig({ LOGIN_LOCK_SECONDS: '86400' }).loginFailureMemorySeconds).toBe(172800);
    });

    it('refuses a per-username allowance below the per-address one', () => {
      expect(problemsOf({ LOGIN_MAX_FAILURES: '10', LOGIN_MAX_FAILURES_PER_USERNAME: '9' })).toEqual([
        'LOGIN_MAX_FAILURES_PER_USERNAME (9) must be at least LOGIN_MAX_FAILURES (10)',
      ]);
    });

    it('refuses a first delay longer than the longest', () => {
      expect(problemsOf({ LOGIN_BASE_DELAY_SECONDS: '60', LOGIN_LOCK_SECONDS: '30' })).toEqual([
        'LOGIN_BASE_DELAY_SECONDS (60) must be at most LOGIN_LOCK_SECONDS (30)',
      ]);
    });

    it('refuses a memory of failures no longer than the longest delay, which would wipe the count of whoever waits it out', () => {
      expect(problemsOf({ LOGIN_FAILURE_MEMORY_SECONDS: '900' })).toEqual([
        'LOGIN_FAILURE_MEMORY_SECONDS (900) must be longer than LOGIN_LOCK_SECONDS (900)',
      ]);
      expect(problemsOf({ LOGIN_FAILURE_MEMORY_SECONDS: '901' })).toEqual([]);
    });
  });

  describe('TRUST_PROXY', () => {
    it.each([
      ['false', false],
      ['0', false],
      ['1', 1],
      ['2', 2],
      ['loopback', 'loopback'],
      ['10.0.0.5', '10.0.0.5'],
      ['loopback, 10.0.0.0/8 ,fd00::/8', 'loopback,10.0.0.0/8,fd00::/8'],
    ])('reads %s as %j', (raw, expected) => {
      expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
    });

    it.each(['true', 'TRUE', 'yes', '11', '10.0.0.0/33', 'fd00::/129', 'loopback,', '10.0.0.1/8/8', 'proxy.internal'])(
      'refuses %s',
      (raw) => {
        expect(problemsOf({ TRUST_PROXY: raw })).toEqual([
          expect.stringMatching(/^TRUST_PROXY must be false, a number of proxy hops from 1 to 10, or a comma-separated list/),
        ]);
      },
    );
  });

  describe('CLOCK', () => {
    it('is real unless simulated is asked for', () => {
      expect(loadConfig({}).clock).toBe('real');
      expect(loadConfig({ CLOCK: 'simulated' }).clock).toBe('simulated');
      expect(loadConfig({ CLOCK: 'REAL' }).clock).toBe('real');
      expect(loadConfig({ ...PRODUCTION, CLOCK: 'real' }).clock).toBe('real');
    });

    it('refuses a simulated clock in production, and an unknown kind anywhere', () => {
      expect(problemsOf({ ...PRODUCTION, CLOCK: 'simulated' })).toEqual([
        'CLOCK=simulated is refused in production: it is for tests and demos',
      ]);
      expect(problemsOf({ CLOCK: 'frozen' })).toEqual(['CLOCK must be real or simulated (got "frozen")']);
    });
  });

  it('refuses a time zone that is not IANA', () => {
    expect(problemsOf({ BUSINESS_TIME_ZONE: 'Mars/Olympus_Mons' })).toEqual([
      'BUSINESS_TIME_ZONE "Mars/Olympus_Mons" is not an IANA time zone',
    ]);
  });

  it('refuses an unknown NODE_ENV, a bad boolean and a share outside 0-1', () => {
    const problems = problemsOf({
      NODE_ENV: 'staging',
      RUN_WORKERS: 'maybe',
      BANK_SIM_REJECT_SHARE: '1.5',
      BANK_SIM_TIMEOUT_SHARE: '-0.1',
    });
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
    expect(err.problems).toHaveLength(8);
    expect(err.message.split('\n')).toHaveLength(9);
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
      expect(problemsOf({ ROSTER_MAX_UPLOAD_BYTES: String(200 * 1024 ** 2), ROSTER_STORAGE_QUOTA_BYTES: String(100 * 1024 ** 2) })).toEqual(
        [`ROSTER_STORAGE_QUOTA_BYTES (${100 * 1024 ** 2}) must be at least ROSTER_MAX_UPLOAD_BYTES (${200 * 1024 ** 2})`],
      );
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
