import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { ActorDirectory } from '../auth/actor-directory';
import { Passwords } from '../auth/passwords';
import { TokenService } from '../auth/token-service';
import { IdentityErrors } from '../identity.errors';
import type { CreateUserDto, UpdateUserDto, UserDto } from './admin.dto';

const toDto = (r: Record<string, unknown>): UserDto => ({
  id: r.id as string,
  email: r.email as string,
  displayName: r.display_name as string,
  role: r.role as UserDto['role'],
  officeId: (r.office_id as string) ?? null,
  active: r.active as boolean,
});

/** Create, change and deactivate users. Every change is audited with the names of the fields, never values. */
@Injectable()
export class ManageUsersUseCase {
  constructor(
    private readonly tx: Transactions,
    private readonly passwords: Passwords,
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
    private readonly directory: ActorDirectory,
  ) {}

  async list(): Promise<UserDto[]> {
    const rows = await this.tx.dataSource.query(`select id, email, display_name, role, office_id, active from users order by role, email`);
    return rows.map(toDto);
  }

  async create(admin: Actor, input: CreateUserDto): Promise<UserDto> {
    if (input.role !== 'applicant' && !input.officeId) throw IdentityErrors.officeRequired();
    const hash = await this.passwords.hash(input.password);
    return this.tx.run(async (m) => {
      await this.assertOffice(m, input.officeId ?? null);
      const email = input.email.trim().toLowerCase();
      const taken = await m.query(`select 1 from users where email = $1`, [email]);
      if (taken.length) throw IdentityErrors.emailTaken();
      const [row] = await m.query(
        `insert into users (email, display_name, role, office_id, password_hash) values ($1, $2, $3, $4, $5)
         returning id, email, display_name, role, office_id, active`,
        [email, input.displayName, input.role, input.role === 'applicant' ? null : input.officeId, hash],
      );
      await this.audit.record(m, {
        action: 'admin.user_created',
        actorId: admin.userId,
        actorRole: admin.role,
        subjectType: 'user',
        subjectId: row.id,
        fields: ['email', 'displayName', 'role', 'officeId', 'password'],
        details: { role: input.role },
      });
      return toDto(row);
    });
  }

  async update(admin: Actor, userId: string, input: UpdateUserDto): Promise<UserDto> {
    const hash = input.password ? await this.passwords.hash(input.password) : undefined;
    // Through the directory: the answer waits until every API process has forgotten what it knew of this user.
    return this.directory.change(userId, () => this.tx.run(async (m) => {
      const [current] = await m.query(`select id, role, office_id, active from users where id = $1 for update`, [userId]);
      if (!current) throw IdentityErrors.userNotFound();
      const role = input.role ?? current.role;
      const officeId = input.officeId !== undefined ? input.officeId : current.office_id;
      if (role !== 'applicant' && !officeId) throw IdentityErrors.officeRequired();
      if (input.officeId) await this.assertOffice(m, input.officeId);
      const sets: string[] = [];
      const values: unknown[] = [userId];
      const fields: string[] = [];
      const set = (column: string, field: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
        fields.push(field);
      };
      if (input.displayName !== undefined) set('display_name', 'displayName', input.displayName);
      if (input.role !== undefined) set('role', 'role', input.role);
      if (input.officeId !== undefined) set('office_id', 'officeId', role === 'applicant' ? null : input.officeId);
      if (input.active !== undefined) set('active', 'active', input.active);
      if (hash) set('password_hash', 'password', hash);
      if (sets.length === 0) {
        const [row] = await m.query(`select id, email, display_name, role, office_id, active from users where id = $1`, [userId]);
        return toDto(row);
      }
      const [[row]] = await m.query(
        `update users set ${sets.join(', ')}, updated_at = now() where id = $1 returning id, email, display_name, role, office_id, active`,
        values,
      );
      // A changed role, office, password or deactivation ends the user's sessions: their tokens described the old user.
      if (input.role !== undefined || input.officeId !== undefined || input.active === false || hash) {
        await this.tokens.revokeAllOf(userId, 'user changed by an administrator', m);
      }
      await this.audit.record(m, {
        action: input.active === false ? 'admin.user_deactivated' : 'admin.user_updated',
        actorId: admin.userId,
        actorRole: admin.role,
        subjectType: 'user',
        subjectId: userId,
        fields,
      });
      return toDto(row);
    }));
  }

  private async assertOffice(m: EntityManager, officeId: string | null): Promise<void> {
    if (!officeId) return;
    const [found] = await m.query(`select active from offices where id = $1`, [officeId]);
    if (!found) throw IdentityErrors.unknownOffice();
    if (!found.active) throw IdentityErrors.officeInactive();
  }
}
