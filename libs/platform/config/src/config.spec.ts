import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('refuses to start in production without real secrets, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['JWT_SECRET', 'DATA_KEYS', 'BLIND_INDEX_KEY', 'ACCESS_CODE_KEY', 'DATABASE_URL']) expect(problems).toContain(name);
  });

  it('names a malformed variable and what it expects', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ NODE_ENV: 'test', REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must use redis:/);
  });

  it('generates development secrets and keeps them across loads', () => {
    process.env.MASAR_STATE_DIR = require('node:os').tmpdir() + '/masar-config-spec-' + process.pid;
    const a = loadConfig({ NODE_ENV: 'development', MASAR_STATE_DIR: process.env.MASAR_STATE_DIR });
    const b = loadConfig({ NODE_ENV: 'development', MASAR_STATE_DIR: process.env.MASAR_STATE_DIR });
    expect(a.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(b.auth.jwtSecret).toBe(a.auth.jwtSecret);
    expect(b.crypto.dataKeys.dev1!.equals(a.crypto.dataKeys.dev1!)).toBe(true);
  });

  it('reads rotating data keys with their ids', () => {
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const c = loadConfig({ NODE_ENV: 'test', DATA_KEYS: `k2:${k2},k1:${k1}` });
    expect(c.crypto.currentKeyId).toBe('k2');
    expect(Object.keys(c.crypto.dataKeys).sort()).toEqual(['k1', 'k2']);
  });
});
