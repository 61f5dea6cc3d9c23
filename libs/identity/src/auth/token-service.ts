import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { IdentityErrors } from '../identity.errors';

export interface AccessClaims {
  sub: string;
  role: string;
  office: string | null;
  typ: 'access';
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Issues access tokens and rotates refresh tokens, detecting the reuse of a rotated token. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async issue(user: { id: string; role: string; officeId: string | null }, familyId: string = randomUUID(), manager?: EntityManager): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, role: user.role, office: user.officeId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      jwtid: randomUUID(),
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await (manager ?? this.dataSource.manager).query(
      `insert into refresh_tokens (id, family_id, user_id, token_hash, expires_at) values ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, familyId, user.id, sha256(secret), this.config.auth.refreshTokenTtlSeconds],
    );
    return { accessToken, refreshToken: `${id}.${secret}`, tokenType: 'Bearer', expiresIn: this.config.auth.accessTokenTtlSeconds };
  }

  /**
   * Rotates a refresh token. Concurrent uses of one token are serialised by the row lock: the first rotates, the
   * second sees it used and revokes the family (which is what a stolen token presented by two parties looks like).
   */
  async rotate(refreshToken: string): Promise<{ pair: TokenPair; userId: string }> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw IdentityErrors.invalidToken();
    const outcome = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `select t.id, t.family_id, t.user_id, t.token_hash, t.used_at, t.revoked_at, t.expires_at < now() as expired,
                u.role, u.office_id, u.active
           from refresh_tokens t join users u on u.id = t.user_id
          where t.id = $1 for update of t`,
        [parsed.id],
      );
      if (!row || !safeEqual(row.token_hash, sha256(parsed.secret))) return { error: IdentityErrors.invalidToken() };
      if (row.revoked_at) return { error: IdentityErrors.invalidToken() };
      if (row.used_at) {
        await m.query(
          `update refresh_tokens set revoked_at = coalesce(revoked_at, now()), revoked_reason = coalesce(revoked_reason, 'reuse detected') where family_id = $1`,
          [row.family_id],
        );
        return { error: IdentityErrors.refreshReused(), reused: true, userId: row.user_id as string };
      }
      if (row.expired) return { error: IdentityErrors.invalidToken() };
      if (!row.active) return { error: IdentityErrors.deactivated() };
      await m.query(`update refresh_tokens set used_at = now() where id = $1`, [row.id]);
      const pair = await this.issue({ id: row.user_id, role: row.role, officeId: row.office_id }, row.family_id, m);
      return { pair, userId: row.user_id as string };
    });
    if ('error' in outcome && outcome.error) throw Object.assign(outcome.error, { reuseOf: outcome.reused ? outcome.userId : undefined });
    return outcome as { pair: TokenPair; userId: string };
  }

  /** Revokes the sign-in (the family) a refresh token belongs to. Unknown tokens are ignored: logout always succeeds. */
  async revokeFamilyOf(refreshToken: string, reason = 'logout'): Promise<string | null> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return null;
    const [row] = await this.dataSource.query(`select family_id, user_id, token_hash from refresh_tokens where id = $1`, [parsed.id]);
    if (!row || !safeEqual(row.token_hash, sha256(parsed.secret))) return null;
    await this.dataSource.query(`update refresh_tokens set revoked_at = coalesce(revoked_at, now()), revoked_reason = coalesce(revoked_reason, $2) where family_id = $1`, [
      row.family_id,
      reason,
    ]);
    return row.user_id as string;
  }

  async revokeAllOf(userId: string, reason: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `update refresh_tokens set revoked_at = now(), revoked_reason = $2 where user_id = $1 and revoked_at is null`,
      [userId, reason],
    );
  }
}

function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
