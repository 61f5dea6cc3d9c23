import { resolve } from 'node:path';
import { loadOrCreateDevSecrets } from './dev-secrets';

export type Environment = 'development' | 'test' | 'production';

export interface MasarConfig {
  env: Environment;
  http: {
    host: string;
    port: number;
    corsOrigins: string[];
    bodyLimitBytes: number;
    publicBaseUrl: string;
    trustProxy: boolean;
  };
  database: {
    /** Undefined means: start the embedded PostgreSQL (development and demo only). */
    url?: string;
    poolSize: number;
    embeddedDir: string;
    embeddedPort: number;
  };
  queue: {
    /** Undefined means: use bullmq's PostgreSQL backend on the application database. */
    redisUrl?: string;
    prefix: string;
  };
  auth: {
    jwtSecret: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    loginMaxAttemptsPerAccount: number;
    loginMaxAttemptsPerAddress: number;
    loginWindowSeconds: number;
  };
  crypto: {
    /** Data-encryption keys by id; `currentKeyId` encrypts, all decrypt. */
    dataKeys: Record<string, Buffer>;
    currentKeyId: string;
    blindIndexKey: Buffer;
    accessCodeKey: Buffer;
    /** Audit checkpoint signing keys by id; `auditSigningKeyId` signs, all verify (rotation). */
    auditSigningKeys: Record<string, Buffer>;
    auditSigningKeyId: string;
  };
  storage: { dir: string; maxDocumentBytes: number; maxDocumentsPerFile: number };
  mail: { smtpUrl?: string; from: string };
  sms: { gatewayUrl?: string; sender: string };
  clamd: { host?: string; port: number; timeoutMs: number };
  worker: { concurrency: number; shutdownGraceMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates one feature's variables; problems are collected so that one boot reports them all. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback?: string): string {
    const v = this.env[name];
    if (v === undefined || v === '') {
      if (fallback === undefined) this.problems.push(`${name} is required`);
      return fallback ?? '';
    }
    return v;
  }

  optional(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v === '' ? undefined : v;
  }

  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.optional(name);
    if (!raw) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(' or ')} (got "${u.protocol}")`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return raw;
  }

  /** A secret: required and strong in production, generated in development. */
  secret(name: string, devValue: string, minLength = 32): string {
    const v = this.optional(name);
    if (v !== undefined) {
      if (v.length < minLength) this.problems.push(`${name} must be at least ${minLength} characters`);
      return v;
    }
    if (this.isProduction) this.problems.push(`${name} is required in production (a random secret of ${minLength}+ characters)`);
    return devValue;
  }

  key(name: string, devValue: string): Buffer {
    const v = this.optional(name);
    if (v === undefined) {
      if (this.isProduction) this.problems.push(`${name} is required in production (32 random bytes, base64)`);
      return Buffer.from(devValue, 'base64');
    }
    const buf = Buffer.from(v, 'base64');
    if (buf.length !== 32) this.problems.push(`${name} must be 32 bytes encoded in base64`);
    return buf;
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}

/** `NAME=k2:base64,k1:base64`: 32-byte keys by id, in the order given. */
function readKeyring(r: Reader, name: string, raw: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  for (const part of raw.split(',')) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32) {
      r.problems.push(`${name} entries must be id:base64 of 32 bytes (id: letters, digits, - or _)`);
      continue;
    }
    keys[id] = key;
  }
  return keys;
}

/** `DATA_KEYS=k2:base64,k1:base64` (the first is current unless DATA_KEY_CURRENT names another). */
function readDataKeys(r: Reader, env: Env, devKey: string): { keys: Record<string, Buffer>; current: string } {
  const raw = r.optional('DATA_KEYS');
  if (!raw) {
    if (r.isProduction) r.problems.push('DATA_KEYS is required in production (id:base64key, comma separated)');
    return { keys: { dev1: Buffer.from(devKey, 'base64') }, current: 'dev1' };
  }
  const keys = readKeyring(r, 'DATA_KEYS', raw);
  const current = env.DATA_KEY_CURRENT || Object.keys(keys)[0] || '';
  if (!keys[current]) r.problems.push(`DATA_KEY_CURRENT names a key that DATA_KEYS does not hold ("${current}")`);
  return { keys, current };
}

/**
 * `AUDIT_SIGNING_KEYS=k2:base64,k1:base64`: the first signs new audit checkpoints, all verify the old ones. The
 * single-key form `AUDIT_SIGNING_KEY=base64` is the key of id 'default' (checkpoints written before key ids existed
 * carry that id), so a rotation from it is `AUDIT_SIGNING_KEYS=k2:<new>,default:<old>`.
 */
function readAuditSigningKeys(r: Reader, devKey: string): { keys: Record<string, Buffer>; current: string } {
  const raw = r.optional('AUDIT_SIGNING_KEYS');
  if (!raw) return { keys: { default: r.key('AUDIT_SIGNING_KEY', devKey) }, current: 'default' };
  if (r.optional('AUDIT_SIGNING_KEY')) r.problems.push('AUDIT_SIGNING_KEY and AUDIT_SIGNING_KEYS are both set: keep AUDIT_SIGNING_KEYS only (the old key as default:<base64>)');
  const keys = readKeyring(r, 'AUDIT_SIGNING_KEYS', raw);
  return { keys, current: Object.keys(keys)[0] ?? '' };
}

export function loadConfig(env: Env = process.env): MasarConfig {
  const r = new Reader(env);
  const nodeEnv = (env.NODE_ENV ?? 'development') as Environment;
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    r.problems.push(`NODE_ENV must be development, test or production (got "${nodeEnv}")`);
  }
  const dev = r.isProduction ? undefined : loadOrCreateDevSecrets();
  const port = r.int('PORT', 3000, 0, 65535);
  const dataKeys = readDataKeys(r, env, dev?.dataKey ?? '');
  const auditSigning = readAuditSigningKeys(r, dev?.auditSigningKey ?? '');
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (r.isProduction && !databaseUrl) r.problems.push('DATABASE_URL is required in production (the embedded database is for demos)');
  const stateDir = resolve(env.MASAR_STATE_DIR ?? '.masar');

  const config: MasarConfig = {
    env: nodeEnv,
    http: {
      host: r.str('HOST', '127.0.0.1'),
      port,
      corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 256 * 1024, 1024),
      publicBaseUrl: r.str('PUBLIC_BASE_URL', `http://localhost:${port}`),
      trustProxy: r.bool('TRUST_PROXY', false),
    },
    database: {
      url: databaseUrl,
      poolSize: r.int('DATABASE_POOL_SIZE', 20, 1, 500),
      embeddedDir: resolve(env.EMBEDDED_PG_DIR ?? `${stateDir}/pg`),
      embeddedPort: r.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
    },
    queue: {
      redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:']),
      prefix: r.str('QUEUE_PREFIX', 'masar'),
    },
    auth: {
      jwtSecret: r.secret('JWT_SECRET', dev?.jwtSecret ?? ''),
      issuer: r.str('JWT_ISSUER', 'masar'),
      audience: r.str('JWT_AUDIENCE', 'masar-api'),
      accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
      refreshTokenTtlSeconds: r.int('REFRESH_TOKEN_TTL_SECONDS', 14 * 24 * 3600, 300),
      loginMaxAttemptsPerAccount: r.int('LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 5, 1),
      loginMaxAttemptsPerAddress: r.int('LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 30, 1),
      loginWindowSeconds: r.int('LOGIN_WINDOW_SECONDS', 900, 1),
    },
    crypto: {
      dataKeys: dataKeys.keys,
      currentKeyId: dataKeys.current,
      blindIndexKey: r.key('BLIND_INDEX_KEY', dev?.blindIndexKey ?? ''),
      accessCodeKey: r.key('ACCESS_CODE_KEY', dev?.accessCodeKey ?? ''),
      auditSigningKeys: auditSigning.keys,
      auditSigningKeyId: auditSigning.current,
    },
    storage: {
      dir: resolve(env.STORAGE_DIR ?? `${stateDir}/documents`),
      maxDocumentBytes: r.int('MAX_DOCUMENT_BYTES', 10 * 1024 * 1024, 1024),
      maxDocumentsPerFile: r.int('MAX_DOCUMENTS_PER_FILE', 30, 1),
    },
    mail: {
      smtpUrl: r.url('SMTP_URL', ['smtp:', 'smtps:']),
      from: r.str('MAIL_FROM', 'Masar <no-reply@masar.local>'),
    },
    sms: {
      gatewayUrl: r.url('SMS_GATEWAY_URL', ['http:', 'https:']),
      sender: r.str('SMS_SENDER', 'MASAR'),
    },
    clamd: {
      host: r.optional('CLAMD_HOST'),
      port: r.int('CLAMD_PORT', 3310, 1, 65535),
      timeoutMs: r.int('CLAMD_TIMEOUT_MS', 15000, 100),
    },
    worker: {
      concurrency: r.int('WORKER_CONCURRENCY', 8, 1, 256),
      shutdownGraceMs: r.int('WORKER_SHUTDOWN_GRACE_MS', 20000, 0),
    },
  };
  if (r.isProduction && config.http.corsOrigins.includes('*')) r.problems.push('CORS_ORIGINS may not be * in production');
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}
