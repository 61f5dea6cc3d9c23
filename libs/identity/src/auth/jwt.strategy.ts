import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { IdentityErrors } from '../identity.errors';
import type { AccessClaims } from './token-service';

/**
 * Verifies the access token (HS256 only, issuer, audience, expiry, token type) and re-reads the user, so that a
 * deactivated user is refused at once rather than when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MASAR_CONFIG) config: MasarConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken would otherwise turn the string into a key on every verification.
      // (passport-jwt hands it to jsonwebtoken, which takes a KeyObject; its typings only list string and Buffer.)
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Actor> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw IdentityErrors.invalidToken();
    const [row] = await this.dataSource.query(
      `select u.id, u.role, u.office_id, u.active, o.region_code, o.kind as office_kind
         from users u left join offices o on o.id = u.office_id where u.id = $1`,
      [claims.sub],
    );
    if (!row) throw IdentityErrors.invalidToken();
    if (!row.active) throw IdentityErrors.deactivated();
    return {
      userId: row.id,
      role: row.role,
      officeId: row.office_id,
      regionCode: row.region_code,
      nationalCommission: row.office_kind === 'national_commission',
    };
  }
}
