import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Development secrets: generated once per checkout and kept in a git-ignored file, so that a restart keeps
 * sessions valid and data encrypted yesterday readable today. Never used in production.
 */
export interface DevSecrets {
  jwtSecret: string;
  dataKey: string; // base64, 32 bytes
  blindIndexKey: string;
  accessCodeKey: string;
  auditSigningKey: string;
}

export function devSecretsPath(root = process.cwd()): string {
  return process.env.MASAR_STATE_DIR
    ? join(process.env.MASAR_STATE_DIR, 'dev-secrets.json')
    : join(root, '.masar', 'dev-secrets.json');
}

export function loadOrCreateDevSecrets(path = devSecretsPath()): DevSecrets {
  if (existsSync(path)) {
    return JSON.parse(readFileSync(path, 'utf8')) as DevSecrets;
  }
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    dataKey: randomBytes(32).toString('base64'),
    blindIndexKey: randomBytes(32).toString('base64'),
    accessCodeKey: randomBytes(32).toString('base64'),
    auditSigningKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
