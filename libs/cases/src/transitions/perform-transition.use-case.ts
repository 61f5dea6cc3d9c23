import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { Outbox } from '@masar/outbox';
import { CaseAccess, actingUser } from '../access/case-access';
import { ApplicationFactory, type OpenedApplication } from '../applications/application-factory';
import { CasesErrors } from '../cases.errors';
import { CaseClocks, uuidFrom } from '../deadlines/case-clocks';
import { cardExpiry } from '../domain/deadlines/card-expiry';
import { progressAfter } from '../domain/workflow/case-progress';
import { planTransition, type TransitionPlan } from '../domain/workflow/workflow-engine';
import { stateOf, type CaseEventType, type Stage } from '../domain/workflow/workflow-definition';
import { workflowFor } from '../domain/workflow/workflows';
import { ApplicantNotifier, type CaseEventParams } from '../notify/applicant-notifier';
import type { Application } from '../persistence/application.entity';
import { snapshotOf } from '../persistence/application-snapshot';
import { DocumentsAnswerSource } from './documents-answer';

export interface TransitionCommand {
  action: string;
  reason?: string | null;
  data?: Record<string, unknown>;
  /** The version the person saw; omitted only by the system, which acts on the current one. */
  expectedVersion?: number;
}

export interface TransitionResult {
  id: string;
  reference: string;
  state: string;
  stage: Stage;
  version: number;
  historyId: string;
  /** A referral to asylum opens a new file: its reference and access code (shown once). */
  opened?: OpenedApplication;
}

/** Only these keys of a transition's data are kept in the history: what the guards and effects read. */
const HISTORY_DATA_KEYS = ['interview', 'requested', 'dueDate', 'consent', 'cardExpiresOn'];

/**
 * Takes one action on a file. In one transaction: the file row is locked and its version checked (optimistic lock:
 * two people acting on the same version, exactly one wins), the workflow decides, and the new state, the history
 * row, the clocks, the applicant's case events and messages, the letters to render, and the audit event are written
 * together; if anything fails, none of it happened.
 */
@Injectable()
export class PerformTransition {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly documents: DocumentsAnswerSource,
    private readonly clocks: CaseClocks,
    private readonly notifier: ApplicantNotifier,
    private readonly outbox: Outbox,
    private readonly factory: ApplicationFactory,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicationId: string, cmd: TransitionCommand): Promise<TransitionResult> {
    return this.transactions.run((m) => this.within(m, actor, applicationId, cmd));
  }

  /** Inside a transaction the caller owns (the deadline sweep, the documents context's "complete" signal). */
  async within(manager: EntityManager, actor: Actor, applicationId: string, cmd: TransitionCommand, now = new Date()): Promise<TransitionResult> {
    const { application: a, applicantUserId, scope } = await this.access.load(manager, actor, applicationId, { lock: true });
    if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== a.version) throw CasesErrors.versionConflict(cmd.expectedVersion, a.version);
    const def = workflowFor(a.kind);
    const file = snapshotOf(a, applicantUserId);
    const t = def.transitions.find((x) => x.action === cmd.action);
    const needsDocuments = !!t && t.from.includes(a.state) && t.guards.includes('documents_verified');
    const documents = needsDocuments ? await this.documents.answerFor(manager, a) : undefined;
    const input = { reason: cmd.reason ?? null, data: cmd.data ?? {} };
    const who = actingUser(actor);
    const plan = planTransition({ def, file, actor: who, scope, action: cmd.action, input, documents, now });
    const next = progressAfter(file, plan, who, now);

    const changes = this.columnChanges(a, plan, next, input, now, def.initial);
    if (plan.effects.some((e) => e.kind === 'unassign') || this.entersAppealBody(a, plan)) {
      changes.assignee_id = null;
      changes.assigned_at = null;
    }
    if (this.entersAppealBody(a, plan)) {
      const [commission]: { id: string }[] = await manager.query(`select id from offices where kind = 'national_commission' order by code limit 1`);
      if (!commission) throw CasesErrors.officeInvalid('No national appeal commission office is configured.');
      changes.appeal_office_id = commission.id;
    }
    const cols = Object.keys(changes);
    const updated = await manager.query(
      `update applications set ${cols.map((c, i) => `${c} = $${i + 3}`).join(', ')} where id = $1 and version = $2`,
      [a.id, a.version, ...cols.map((c) => changes[c])],
    );
    if ((updated[1] ?? updated.rowCount ?? 1) === 0) throw CasesErrors.versionConflict(a.version, a.version + 1);

    const historyData = Object.fromEntries(Object.entries(input.data).filter(([k]) => HISTORY_DATA_KEYS.includes(k)));
    const [history]: { id: string }[] = await manager.query(
      `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, reason, data, at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) returning id`,
      [a.id, next.version, plan.action, plan.from, plan.to, actor.userId, actor.role, input.reason, JSON.stringify(historyData), now],
    );
    const historyId = history!.id;

    await this.clocks.stop(manager, a.id, plan.clocksStopped, now);
    const clockDue = new Map<string, Date>();
    for (const clock of plan.clocksStarted) {
      const dueDay = typeof input.data.dueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.data.dueDate) ? new Date(`${input.data.dueDate}T23:59:59Z`) : null;
      const started = await this.clocks.start(manager, a.id, clock, now, {
        dueAt: clock === 'information_request' ? dueDay : null,
        cardExpiresAt: a.cardExpiresOn ? new Date(`${a.cardExpiresOn}T00:00:00Z`) : null,
        modality: a.modality,
      });
      clockDue.set(clock, started.dueAt);
    }
    if (plan.clocksStarted.length || plan.clocksStopped.length) await this.clocks.refreshDueAt(manager, a.id);

    let opened: OpenedApplication | undefined;
    for (const e of plan.effects) {
      if (e.kind === 'letter') {
        if (e.letter === 'receipt') {
          await this.outbox.add(manager, 'letters.receipt', { applicationId: a.id }, { id: uuidFrom(`${historyId}:receipt`) });
        } else {
          await this.outbox.add(manager, 'letters.decision', { applicationId: a.id, decisionId: historyId }, { id: uuidFrom(`${historyId}:decision`) });
        }
      } else if (e.kind === 'open_asylum_file') {
        opened = await this.factory.create(
          manager,
          { kind: 'asylum', applicantId: a.applicantId, officeId: a.officeId, linkedApplicationId: a.id, createdBy: actor.userId, createdByRole: actor.role, action: 'referred_from_regularisation' },
          now,
        );
      }
    }
    for (const e of plan.effects) {
      if (e.kind !== 'notify') continue;
      const params = await this.eventParams(manager, a, e.event, input, clockDue);
      await this.notifier.tell(manager, { applicationId: a.id, applicantId: a.applicantId, historyId, type: e.event, occurrenceKey: historyId, params });
    }

    // Last: the audit append holds the chain's lock until commit.
    await this.audit.record(manager, {
      action: 'case.transition',
      actorId: actor.role === 'system' ? null : actor.userId,
      actorRole: actor.role,
      subjectType: 'application',
      subjectId: a.id,
      applicationId: a.id,
      fields: cols,
      details: { transition: plan.action, from: plan.from, to: plan.to, version: next.version, historyId, ...(opened ? { openedApplicationId: opened.id } : {}) },
    });
    return { id: a.id, reference: a.reference, state: plan.to, stage: stateOf(def, plan.to)!.stage, version: next.version, historyId, opened };
  }

  private entersAppealBody(a: Application, plan: TransitionPlan): boolean {
    return workflowFor(a.kind).transitions.some((t) => t.scope === 'appeal_body' && t.from.includes(plan.to)) && !a.appealOfficeId;
  }

  private columnChanges(
    a: Application,
    plan: TransitionPlan,
    next: ReturnType<typeof progressAfter>,
    input: { reason: string | null; data: Record<string, unknown> },
    now: Date,
    initial: string,
  ): Record<string, unknown> {
    const c: Record<string, unknown> = { state: plan.to, final: plan.entersFinal, version: next.version, updated_at: now };
    for (const e of plan.effects) {
      switch (e.kind) {
        case 'propose_decision':
          c.proposal = JSON.stringify({ ...next.proposal, at: now.toISOString(), reason: input.reason });
          break;
        case 'clear_proposal':
          c.proposal = null;
          break;
        case 'decide':
          c.proposal = null;
          c.decided_at = now;
          if (e.instance === 'first') c.first_decision = JSON.stringify({ ...next.firstDecision, at: now.toISOString(), reason: input.reason });
          break;
        case 'schedule_interview': {
          const i = input.data.interview as { at: string; place: string; interpreterLanguage?: string | null };
          c.interview = JSON.stringify({ at: new Date(i.at).toISOString(), place: i.place.trim(), interpreterLanguage: i.interpreterLanguage ?? null });
          break;
        }
        case 'record_interview':
          c.interview_held_at = now;
          break;
        case 'record_card':
          c.card_expires_on = cardExpiry(input.data.cardExpiresOn, now, this.clocks.policy.cardValidityYears);
          break;
        default:
          break;
      }
    }
    // Leaving the first state forward (not withdrawn or merged as a draft) is the submission.
    if (plan.from === initial && !plan.entersFinal && !a.submittedAt) c.submitted_at = now;
    return c;
  }

  private async eventParams(
    manager: EntityManager,
    a: Application,
    event: CaseEventType,
    input: { reason: string | null; data: Record<string, unknown> },
    clockDue: Map<string, Date>,
  ): Promise<CaseEventParams> {
    const p: CaseEventParams = { reference: a.reference };
    const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);
    switch (event) {
      case 'documents_requested':
        p.documents = (input.data.requested as string[]).map((d) => d.trim());
        p.dueDate = day(clockDue.get('information_request'));
        break;
      case 'interview_scheduled': {
        const i = input.data.interview as { at: string; place: string; interpreterLanguage?: string | null };
        p.interview = { at: new Date(i.at).toISOString(), place: i.place.trim(), interpreterLanguage: i.interpreterLanguage ?? null };
        break;
      }
      case 'decision_unfavourable': {
        // Notified after the decision that wrote them: the reasons are on the file as loaded.
        const reason = a.firstDecision?.reason;
        p.reasons = reason ? [reason] : [];
        p.appealDeadline = day(clockDue.get('appeal_window'));
        break;
      }
      case 'appeal_rejected':
        p.reasons = input.reason ? [input.reason] : [];
        break;
      case 'card_ready': {
        const [office]: { name: string }[] = await manager.query(`select name from offices where id = $1`, [a.officeId]);
        p.place = office?.name;
        break;
      }
      default:
        break;
    }
    return p;
  }
}
