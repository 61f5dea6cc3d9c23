import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { verify, type JwtPayload } from 'jsonwebtoken';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { IdentityErrors } from '../identity.errors';
import type { AccessClaims } from './token-service';

interface Verified {
  claims: AccessClaims;
  /** Milliseconds since the epoch at which the token stops being valid. */
  expiresAt: number;
}

const BEARER = /^bearer\s+(\S+)$/i;

/**
 * Verifies access tokens: HS256 only, signature, issuer, audience, expiry and token type. A token that verified is
 * remembered until it expires, so that the HMAC and the parsing (jsonwebtoken's, not a hand-written one) are paid
 * once per token and process rather than on every request of a caseworker's session; its expiry is still checked on
 * every use. Who the subject is now (active, role, office) is the actor directory's question, asked every time.
 */
@Injectable()
export class AccessTokenVerifier {
  static readonly MAX_REMEMBERED = 20_000;

  private readonly key: KeyObject;
  private readonly remembered = new Map<string, Verified>();

  constructor(@Inject(MASAR_CONFIG) private readonly config: MasarConfig) {
    // A KeyObject, not the string: jsonwebtoken would otherwise try to parse the string as a PEM key every time.
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret));
  }

  /** The claims of the bearer token of an Authorization header; AUTH_INVALID_TOKEN when missing or not valid. */
  fromHeader(authorization: string | string[] | undefined): AccessClaims {
    const m = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
    if (!m) throw IdentityErrors.invalidToken();
    return this.verify(m[1]!);
  }

  verify(token: string): AccessClaims {
    const now = Date.now();
    const known = this.remembered.get(token);
    if (known) {
      if (now < known.expiresAt) return known.claims;
      this.remembered.delete(token);
      throw IdentityErrors.invalidToken();
    }
    let payload: JwtPayload;
    try {
      payload = verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
      }) as JwtPayload;
    } catch {
      throw IdentityErrors.invalidToken();
    }
    if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw IdentityErrors.invalidToken();
    const claims = payload as unknown as AccessClaims;
    if (this.remembered.size >= AccessTokenVerifier.MAX_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(token, { claims, expiresAt: payload.exp * 1000 });
    return claims;
  }
}
