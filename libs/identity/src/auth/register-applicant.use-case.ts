import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CommonErrors } from '@masar/errors';
import { RateLimits, type Limiter } from '@masar/rate-limit';
import { IdentityErrors } from '../identity.errors';
import { Passwords } from './passwords';

/**
 * An applicant opens an account to follow their files online. The account holds no case data: a file is linked to
 * it later, with the reference and access code of the receipt. Sign-ups are limited per address.
 */
@Injectable()
export class RegisterApplicantUseCase {
  private readonly perAddress: Limiter;

  constructor(
    private readonly tx: Transactions,
    private readonly passwords: Passwords,
    private readonly audit: AuditTrail,
    rateLimits: RateLimits,
  ) {
    this.perAddress = rateLimits.limiter({ name: 'signup-address', points: 10, durationSeconds: 3600, blockSeconds: 3600 });
  }

  async execute(input: { email: string; password: string; displayName: string }, ip: string): Promise<{ id: string }> {
    const limit = await this.perAddress.hit(ip);
    if (!limit.allowed) throw CommonErrors.rateLimited(limit.retryAfterSeconds);
    const hash = await this.passwords.hash(input.password);
    return this.tx.run(async (m) => {
      const email = input.email.trim().toLowerCase();
      const [row] = await m.query(
        `insert into users (email, display_name, role, office_id, password_hash) values ($1, $2, 'applicant', null, $3)
         on conflict (email) do nothing returning id`,
        [email, input.displayName.trim(), hash],
      );
      if (!row) throw IdentityErrors.emailTaken();
      await this.audit.record(m, { action: 'auth.applicant_registered', actorId: row.id, actorRole: 'applicant', subjectType: 'user', subjectId: row.id });
      return { id: row.id as string };
    });
  }
}
