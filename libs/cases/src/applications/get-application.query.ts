import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseAccess, actingUser } from '../access/case-access';
import { CasesCrypto } from '../crypto/cases-crypto';
import { assessAllCategories, assessEligibility, type EligibilityAssessment } from '../domain/eligibility/assess-eligibility';
import { criteriaVersion, isRegularisationCategory } from '../domain/eligibility/criteria';
import type { EligibilityFacts } from '../domain/eligibility/eligibility-facts';
import { availableActions, type AvailableAction } from '../domain/workflow/workflow-engine';
import { stateOf, type Stage } from '../domain/workflow/workflow-definition';
import { workflowFor } from '../domain/workflow/workflows';
import { snapshotOf } from '../persistence/application-snapshot';
import { DocumentsAnswerSource } from '../transitions/documents-answer';

export interface ApplicationView {
  id: string;
  reference: string;
  kind: string;
  category: string | null;
  criteriaVersion: string | null;
  modality: string | null;
  state: string;
  stage: Stage;
  final: boolean;
  version: number;
  officeId: string;
  appealOfficeId: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  proposal: unknown;
  firstDecision: unknown;
  interview: unknown;
  interviewHeldAt: string | null;
  cardExpiresOn: string | null;
  linkedApplicationId: string | null;
  applicant: { id: string; latinName: string | null; arabicName: string | null; birthYear: number | null; nationality: string | null; sex: string | null; preferredLanguage: string };
  eligibility: EligibilityAssessment | null;
  otherCategories: EligibilityAssessment[];
  clocks: { clock: string; startedAt: string; dueAt: string; escalatedAt: string | null }[];
  history: { version: number; action: string; from: string | null; to: string; actorId: string; actorRole: string; reason: string | null; at: string }[];
  notes: { id: string; authorId: string; body: string; createdAt: string }[];
  flags: { id: string; kind: string; note: string | null; raisedBy: string; raisedAt: string; clearedAt: string | null }[];
  referrals: { id: string; service: string; consentGivenOn: string; note: string | null; referredBy: string; referredAt: string }[];
  actions: AvailableAction[];
}

/**
 * A file as staff see it: state, history, clocks, notes, the advisory eligibility, and what this user may do now
 * (with what still blocks each action). Reading a file is itself audited: who looked at whose file matters as
 * much as who changed it.
 */
@Injectable()
export class GetApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly documents: DocumentsAnswerSource,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, applicationId: string): Promise<ApplicationView> {
    const m = this.dataSource.manager;
    const { application: a, applicantUserId, scope } = await this.access.load(m, actor, applicationId);
    const def = workflowFor(a.kind);
    const [applicant]: { id: string; latin_name: string | null; arabic_name: string | null; birth_year: number | null; nationality: string | null; sex: string | null; preferred_language: string }[] =
      await m.query(`select id, latin_name, arabic_name, birth_year, nationality, sex, preferred_language from applicants where id = $1`, [a.applicantId]);
    const [history, notes, clocks, flags, referrals] = await Promise.all([
      m.query(`select version, action, from_state, to_state, actor_id, actor_role, reason, at from case_history where application_id = $1 order by version`, [a.id]),
      actor.role === 'applicant' ? Promise.resolve([]) : m.query(`select id, author_id, body, created_at from case_notes where application_id = $1 order by created_at`, [a.id]),
      m.query(`select clock, started_at, due_at, escalated_at from case_deadlines where application_id = $1 and stopped_at is null order by due_at`, [a.id]),
      m.query(`select id, kind, note, raised_by, raised_at, cleared_at from case_flags where application_id = $1 order by raised_at`, [a.id]),
      m.query(`select id, service, consent_given_on::text as consent_given_on, note, referred_by, referred_at from case_referrals where application_id = $1 order by referred_at`, [a.id]),
    ]);
    const file = snapshotOf(a, applicantUserId);
    const needsDocs = def.transitions.some((t) => t.from.includes(a.state) && t.guards.includes('documents_verified'));
    const documents = needsDocs ? await this.documents.answerFor(m, a) : undefined;
    const actions = availableActions({ def, file, actor: actingUser(actor), scope, documents, now: new Date() });

    let eligibility: EligibilityAssessment | null = null;
    let otherCategories: EligibilityAssessment[] = [];
    const criteria = a.criteriaVersion ? criteriaVersion(a.criteriaVersion) : undefined;
    if (criteria && a.eligibilityFactsEnc && actor.role !== 'applicant') {
      const facts = JSON.parse(this.crypto.cipher.decrypt(a.eligibilityFactsEnc, 'applications.eligibility_facts')) as EligibilityFacts;
      const asOf = a.submittedAt ?? a.createdAt;
      if (a.category && isRegularisationCategory(a.category)) eligibility = assessEligibility(criteria, a.category, facts, asOf);
      otherCategories = assessAllCategories(criteria, facts, asOf).filter((x) => x.category !== a.category && x.verdict === 'meets');
    }

    await this.audit.recordNow({
      action: 'case.read',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'application',
      subjectId: a.id,
      applicationId: a.id,
    });
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      id: a.id,
      reference: a.reference,
      kind: a.kind,
      category: a.category,
      criteriaVersion: a.criteriaVersion,
      modality: a.modality,
      state: a.state,
      stage: stateOf(def, a.state)!.stage,
      final: a.final,
      version: a.version,
      officeId: a.officeId,
      appealOfficeId: a.appealOfficeId,
      assigneeId: a.assigneeId,
      dueAt: Number.isFinite(new Date(a.dueAt).getTime()) ? iso(a.dueAt) : null,
      submittedAt: iso(a.submittedAt),
      decidedAt: iso(a.decidedAt),
      proposal: a.proposal,
      firstDecision: a.firstDecision,
      interview: a.interview,
      interviewHeldAt: iso(a.interviewHeldAt),
      cardExpiresOn: a.cardExpiresOn,
      linkedApplicationId: a.linkedApplicationId,
      applicant: {
        id: applicant!.id,
        latinName: applicant!.latin_name,
        arabicName: applicant!.arabic_name,
        birthYear: applicant!.birth_year,
        nationality: applicant!.nationality,
        sex: applicant!.sex,
        preferredLanguage: applicant!.preferred_language,
      },
      eligibility,
      otherCategories,
      clocks: clocks.map((c: { clock: string; started_at: Date; due_at: Date; escalated_at: Date | null }) => ({
        clock: c.clock,
        startedAt: iso(c.started_at)!,
        dueAt: iso(c.due_at)!,
        escalatedAt: iso(c.escalated_at),
      })),
      history: history.map((h: { version: number; action: string; from_state: string | null; to_state: string; actor_id: string; actor_role: string; reason: string | null; at: Date }) => ({
        version: h.version,
        action: h.action,
        from: h.from_state,
        to: h.to_state,
        actorId: h.actor_id,
        actorRole: h.actor_role,
        reason: h.reason,
        at: iso(h.at)!,
      })),
      notes: notes.map((n: { id: string; author_id: string; body: string; created_at: Date }) => ({ id: n.id, authorId: n.author_id, body: n.body, createdAt: iso(n.created_at)! })),
      flags: flags.map((f: { id: string; kind: string; note: string | null; raised_by: string; raised_at: Date; cleared_at: Date | null }) => ({
        id: f.id,
        kind: f.kind,
        note: f.note,
        raisedBy: f.raised_by,
        raisedAt: iso(f.raised_at)!,
        clearedAt: iso(f.cleared_at),
      })),
      referrals: referrals.map((r: { id: string; service: string; consent_given_on: string; note: string | null; referred_by: string; referred_at: Date }) => ({
        id: r.id,
        service: r.service,
        consentGivenOn: r.consent_given_on,
        note: r.note,
        referredBy: r.referred_by,
        referredAt: iso(r.referred_at)!,
      })),
      actions,
    };
  }
}
