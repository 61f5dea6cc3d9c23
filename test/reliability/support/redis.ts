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
    if (r.status !== 0) throw new Error(`redis-server did not start: ${r.stderr || r.stdout}`);
    for (let i = 0; i < 50; i++) {
      if (await this.answers()) return;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`redis-server on port ${this.port} does not answer`);
  }

  /** `redis-cli shutdown nosave`: the server is gone, with what it held. */
  stop(): void {
    spawnSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { encoding: 'utf8' });
  }

  answers(): Promise<boolean> {
    return redisAnswers(this.url, 500);
  }

}
