import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@masar/audit';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { CommonErrors } from '@masar/errors';
import { RateLimits, type Limiter } from '@masar/rate-limit';
import { IdentityErrors } from '../identity.errors';
import { Passwords } from './passwords';

export interface AuthenticatedUser {
  id: string;
  role: string;
  officeId: string | null;
}

/**
 * Sign-in with e-mail and password. An unknown e-mail and a wrong password get the same answer after the same
 * work (a decoy hash is verified); attempts are limited per account and per address, checked before the costly
 * hash so that login cannot be used to burn the server's CPU.
 */
@Injectable()
export class LoginUseCase {
  private readonly perAccount: Limiter;
  private readonly perAddress: Limiter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: Passwords,
    private readonly audit: AuditTrail,
    rateLimits: RateLimits,
    @Inject(MASAR_CONFIG) config: MasarConfig,
  ) {
    const window = config.auth.loginWindowSeconds;
    this.perAccount = rateLimits.limiter({ name: 'login-account', points: config.auth.loginMaxAttemptsPerAccount, durationSeconds: window, blockSeconds: window });
    this.perAddress = rateLimits.limiter({ name: 'login-address', points: config.auth.loginMaxAttemptsPerAddress, durationSeconds: window, blockSeconds: window });
  }

  async execute(emailInput: string, password: string, ip: string): Promise<AuthenticatedUser> {
    const email = emailInput.trim().toLowerCase();
    const [account, address] = await Promise.all([this.perAccount.peek(email), this.perAddress.peek(ip)]);
    if (!account.allowed || !address.allowed) {
      await this.audit.recordNow({ action: 'auth.login_throttled', actorId: null, subjectType: 'user', details: { byAccount: !account.allowed, byAddress: !address.allowed } });
      throw CommonErrors.rateLimited(Math.max(account.retryAfterSeconds, address.retryAfterSeconds));
    }
    const [user] = await this.dataSource.query(`select id, role, office_id, active, password_hash from users where email = $1`, [email]);
    const ok = await this.passwords.verify(user?.password_hash ?? null, password);
    if (!ok || !user.active) {
      await Promise.all([this.perAccount.hit(email), this.perAddress.hit(ip)]);
      await this.audit.recordNow({
        action: 'auth.login_failed',
        actorId: user?.id ?? null,
        subjectType: 'user',
        subjectId: user?.id ?? null,
        details: { reason: !user ? 'unknown_account' : !ok ? 'wrong_password' : 'deactivated' },
      });
      throw IdentityErrors.invalidCredentials();
    }
    await this.perAccount.reset(email);
    await this.audit.recordNow({ action: 'auth.login', actorId: user.id, actorRole: user.role, subjectType: 'user', subjectId: user.id });
    return { id: user.id, role: user.role, officeId: user.office_id };
  }
}
