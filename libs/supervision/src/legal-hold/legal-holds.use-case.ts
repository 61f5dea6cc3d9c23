import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseReporting } from '@masar/cases';
import { Transactions } from '@masar/database';
import { CaseScopeResolver } from '@masar/identity';
import { SupervisionErrors } from '../supervision.errors';

export interface LegalHoldView {
  id: string;
  applicationId: string;
  reason: string;
  setBy: string;
  /** The name of who set it, as the staff list shows it. */
  setByName: string | null;
  setAt: string;
}

/**
 * A legal hold keeps a file's personal data past its retention (litigation, an inquiry, a pending appeal before a
 * court): the retention sweep skips the file while a hold is active. Setting and releasing one lock the file's row,
 * the same row the sweep locks, so a hold set while the sweep runs is either seen by it or waits for it. Both are
 * audited with ids only (the reason is free text).
 */
@Injectable()
export class LegalHolds {
  constructor(
    private readonly transactions: Transactions,
    private readonly scopes: CaseScopeResolver,
    private readonly cases: CaseReporting,
    private readonly audit: AuditTrail,
  ) {}

  async current(actor: Actor, applicationId: string): Promise<LegalHoldView | null> {
    return this.transactions.run(async (m) => {
      await this.lockFile(m, actor, applicationId, false);
      const [hold] = await m.query(
        `select h.id, h.application_id, h.reason, h.set_by, u.display_name as set_by_name, h.set_at
           from legal_holds h left join users u on u.id = h.set_by
          where h.application_id = $1 and h.released_at is null`,
        [applicationId],
      );
      return hold ? toView(hold) : null;
    });
  }

  async set(actor: Actor, applicationId: string, reason: string): Promise<LegalHoldView> {
    return this.transactions.run(async (m) => {
      await this.lockFile(m, actor, applicationId, true);
      const [erased] = await m.query(`select 1 from retention_erasures where application_id = $1`, [applicationId]);
      if (erased) throw SupervisionErrors.fileErased();
      const rows = await m.query(
        `with h as (insert into legal_holds (application_id, reason, set_by) values ($1, $2, $3)
                    on conflict (application_id) where released_at is null do nothing
                    returning id, application_id, reason, set_by, set_at)
         select h.*, u.display_name as set_by_name from h left join users u on u.id = h.set_by`,
        [applicationId, reason.trim(), actor.userId],
      );
      if (rows.length === 0) throw SupervisionErrors.holdAlreadySet();
      await this.audit.record(m, {
        action: 'retention.legal_hold_set',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: applicationId,
        applicationId,
        fields: ['legalHold'],
        details: { holdId: rows[0].id },
      });
      return toView(rows[0]);
    });
  }

  async release(actor: Actor, applicationId: string, reason: string): Promise<{ id: string; releasedAt: string }> {
    return this.transactions.run(async (m) => {
      await this.lockFile(m, actor, applicationId, true);
      const [released] = await m.query(
        // As a select: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
        `with u as (update legal_holds set released_by = $2, released_at = now(), release_reason = $3
                     where application_id = $1 and released_at is null returning id, released_at)
         select id, released_at from u`,
        [applicationId, actor.userId, reason.trim()],
      );
      if (!released) throw SupervisionErrors.noHold();
      await this.audit.record(m, {
        action: 'retention.legal_hold_released',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: applicationId,
        applicationId,
        fields: ['legalHold'],
        details: { holdId: released.id },
      });
      return { id: released.id, releasedAt: new Date(released.released_at).toISOString() };
    });
  }

  /** The file in the actor's scope (404 otherwise, as for an unknown one), locked when a hold changes. */
  private async lockFile(m: EntityManager, actor: Actor, applicationId: string, forUpdate: boolean): Promise<void> {
    const scope = await this.scopes.scopeFor(actor);
    if (!(await this.cases.fileInScope(m, actor, scope, applicationId, { lock: forUpdate }))) throw SupervisionErrors.applicationNotFound();
  }
}

function toView(r: Record<string, any>): LegalHoldView {
  return { id: r.id, applicationId: r.application_id, reason: r.reason, setBy: r.set_by, setByName: r.set_by_name ?? null, setAt: new Date(r.set_at).toISOString() };
}
