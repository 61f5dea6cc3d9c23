import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';

export interface LimitPolicy {
  /** Distinguishes one limit from another in the shared store. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Once exhausted, stay blocked this long (a lock), instead of until the window ends. */
  blockSeconds?: number;
}

export interface LimitDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export class Limiter {
  constructor(private readonly rl: RateLimiterAbstract) {}

  /** Counts one attempt against `key`. */
  async hit(key: string, points = 1): Promise<LimitDecision> {
    try {
      const res = await this.rl.consume(key, points);
      return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: 0 };
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      }
      throw e;
    }
  }

  /** Whether `key` is exhausted now, without counting. */
  async peek(key: string): Promise<LimitDecision> {
    const res = await this.rl.get(key);
    if (!res) return { allowed: true, remaining: this.rl.points, retryAfterSeconds: 0 };
    const exhausted = res.consumedPoints >= this.rl.points;
    return {
      allowed: !exhausted,
      remaining: Math.max(0, this.rl.points - res.consumedPoints),
      retryAfterSeconds: exhausted ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0,
    };
  }

  async reset(key: string): Promise<void> {
    await this.rl.delete(key);
  }
}

@Injectable()
export class RateLimits implements OnModuleDestroy {
  private redis: IORedis | null = null;

  constructor(
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
    private readonly dataSource: DataSource,
  ) {}

  limiter(policy: LimitPolicy): Limiter {
    const common = {
      keyPrefix: `rl:${policy.name}`,
      points: policy.points,
      duration: policy.durationSeconds,
      blockDuration: policy.blockSeconds ?? 0,
      insuranceLimiter: new RateLimiterMemory({ points: policy.points, duration: policy.durationSeconds, blockDuration: policy.blockSeconds ?? 0 }),
    };
    if (this.config.queue.redisUrl) {
      return new Limiter(new RateLimiterRedis({ ...common, storeClient: this.redisClient(), useRedisPackage: false }));
    }
    const pool = (this.dataSource.driver as unknown as { master: unknown }).master;
    return new Limiter(
      new RateLimiterPostgres({ ...common, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false }),
    );
  }

  private redisClient(): IORedis {
    if (!this.redis) {
      this.redis = new IORedis(this.config.queue.redisUrl!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      this.redis.on('error', () => undefined); // the insurance limiter answers meanwhile
    }
    return this.redis;
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitModule {}
