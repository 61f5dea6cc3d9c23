import { spawnSync } from 'node:child_process';
import { redisAnswers } from '../../support/postgres';

/**
 * A Redis server of the suite's own (127.0.0.1, a port apart from the machine's 6379), so that stopping it for the
 * "Redis down" scenario disturbs nobody else's tests. Started without persistence, like the machine's.
 */
export class PrivateRedis {
  constructor(readonly port = Number(process.env.RELIABILITY_REDIS_PORT ?? 6391)) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (await this.answers()) return;
    const r = spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no', '--dir', '/tmp'], { encoding: 'utf8' });
    if (r.error) throw new RedisServerUnavailable(`${r.error.message}; the Redis scenarios need the redis-server and redis-cli programs (Debian: apt-get install redis-server)`);
    if (r.status !== 0) throw new RedisServerUnavailable(`redis-server exited with ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
    for (let i = 0; i < 50; i++) {
      if (await this.answers()) return;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new RedisServerUnavailable(`redis-server started but does not answer on port ${this.port}`);
  }

  /** `redis-cli shutdown nosave`: the server is gone, with what it held. */
  stop(): void {
    spawnSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { encoding: 'utf8' });
  }

  answers(): Promise<boolean> {
    return redisAnswers(this.url, 500);
  }

}

/** This machine cannot run the suite's Redis: the Redis scenarios print `FAIL (redis-server not available: ...)`. */
export class RedisServerUnavailable extends Error {}
