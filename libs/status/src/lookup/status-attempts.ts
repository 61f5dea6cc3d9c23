import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@masar/audit';
import { RateLimits, type Limiter } from '@masar/rate-limit';
import { STATUS_OPTIONS, type StatusOptions } from '../status.options';

/**
 * Failed attempts, counted per reference and per address in the shared rate-limit store (so every API process
 * sees them). Only failures count: an applicant who checks often is never slowed down. A reference that exhausts
 * its failures is locked, known or not, so that the lock itself tells nothing about whether the file exists.
 */
@Injectable()
export class StatusAttempts {
  private readonly logger = new Logger(StatusAttempts.name);
  private readonly perReference: Limiter;
  private readonly perAddress: Limiter;

  constructor(
    limits: RateLimits,
    @Inject(STATUS_OPTIONS) options: StatusOptions,
    private readonly audit: AuditTrail,
  ) {
    this.perReference = limits.limiter({
      name: 'status-reference',
      points: options.failuresPerReference,
      durationSeconds: options.referenceWindowSeconds,
      blockSeconds: options.referenceLockSeconds,
    });
    this.perAddress = limits.limiter({
      name: 'status-address',
      points: options.failuresPerAddress,
      durationSeconds: options.addressWindowSeconds,
      blockSeconds: options.addressBlockSeconds,
    });
  }

  /** Seconds to wait before this reference may be tried from this address again; 0 when it may be now. */
  async waitBefore(reference: string | null, ip: string): Promise<number> {
    const [byReference, byAddress] = await Promise.all([reference ? this.perReference.peek(reference) : null, this.perAddress.peek(ip)]);
    return Math.max(byReference?.retryAfterSeconds ?? 0, byAddress.retryAfterSeconds);
  }

  /**
   * Counts a failure. The failure that uses a counter's last point also locks it: one more point is consumed on
   * purpose, which makes the store block the key for the lock duration instead of only until the window ends.
   */
  async recordFailure(reference: string | null, ip: string, applicationId: string | null): Promise<void> {
    const [byReference, byAddress] = await Promise.all([reference ? this.perReference.hit(reference) : null, this.perAddress.hit(ip)]);
    if (reference && byReference?.allowed && byReference.remaining === 0) {
      await this.perReference.hit(reference);
      await this.audit.recordNow({
        action: 'status.reference_locked',
        actorId: null,
        subjectType: 'application',
        subjectId: applicationId,
        applicationId,
        details: { reference, known: applicationId !== null },
      });
      this.logger.warn({ applicationId }, 'status checks of a reference locked after repeated failures');
    }
    if (byAddress.allowed && byAddress.remaining === 0) {
      await this.perAddress.hit(ip);
      await this.audit.recordNow({ action: 'status.address_blocked', actorId: null, subjectType: 'address', details: {} });
    }
  }
}
