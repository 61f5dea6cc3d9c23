import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@masar/audit';
import { RateLimits, type Limiter } from '@masar/rate-limit';
import { STATUS_OPTIONS, type StatusOptions } from '../status.options';

/**
 * Failed attempts, counted per reference and per address in the shared rate-limit store (so every API process
 * sees them). Only failures count: an applicant who checks often is never slowed down. The failure that exhausts a
 * counter writes a block into status_blocks, which the look-up reads in its own statement: a reference under
 * attack is locked (known or not, so that the lock tells nothing about whether a file exists), an address that
 * sprays guesses across references is blocked.
 */
@Injectable()
export class StatusAttempts {
  private readonly logger = new Logger(StatusAttempts.name);
  private readonly perReference: Limiter;
  private readonly perAddress: Limiter;

  constructor(
    limits: RateLimits,
    @Inject(STATUS_OPTIONS) private readonly options: StatusOptions,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {
    this.perReference = limits.limiter({ name: 'status-reference', points: options.failuresPerReference, durationSeconds: options.referenceWindowSeconds });
    this.perAddress = limits.limiter({ name: 'status-address', points: options.failuresPerAddress, durationSeconds: options.addressWindowSeconds });
  }

  /**
   * Counts a failure. The failure that uses a counter's last point is still answered as a failure, and starts the
   * block; returns the seconds to wait only when a counter was already over (concurrent guesses racing the block).
   */
  async recordFailure(reference: string | null, ip: string, applicationId: string | null): Promise<number> {
    const [byReference, byAddress] = await Promise.all([reference ? this.perReference.hit(reference) : null, this.perAddress.hit(ip)]);
    let wait = 0;
    if (reference && byReference && (!byReference.allowed || byReference.remaining === 0)) {
      if (!byReference.allowed) wait = this.options.referenceLockSeconds;
      if (await this.block('reference', reference, this.options.referenceLockSeconds)) {
        await this.audit.recordNow({
          action: 'status.reference_locked',
          actorId: null,
          subjectType: 'application',
          subjectId: applicationId,
          applicationId,
          details: { reference, known: applicationId !== null, lockSeconds: this.options.referenceLockSeconds },
        });
        this.logger.warn({ applicationId }, 'status checks of a reference locked after repeated failures');
      }
    }
    if (!byAddress.allowed || byAddress.remaining === 0) {
      if (!byAddress.allowed) wait = Math.max(wait, this.options.addressBlockSeconds);
      if (await this.block('address', ip, this.options.addressBlockSeconds)) {
        await this.audit.recordNow({ action: 'status.address_blocked', actorId: null, subjectType: 'address', details: { blockSeconds: this.options.addressBlockSeconds } });
      }
    }
    return wait;
  }

  /** Writes or renews a block; true when it starts one (not when a block was already running). */
  private async block(scope: 'reference' | 'address', key: string, seconds: number): Promise<boolean> {
    const started: unknown[] = await this.dataSource.query(
      `with started as (
         insert into status_blocks (scope, key, blocked_until) values ($1, $2, now() + make_interval(secs => $3))
         on conflict (scope, key) do update set blocked_until = excluded.blocked_until where status_blocks.blocked_until <= now()
         returning 1)
       select * from started`,
      [scope, key, seconds],
    );
    return started.length > 0;
  }
}
