import { DomainError } from '@masar/errors';
import type { ActingUser, CaseAccessScope, CaseSnapshot, DocumentsAnswer, TransitionInput } from './case-snapshot';
import { progressAfter } from './case-progress';
import { availableActions, planTransition } from './workflow-engine';
import type { CaseKind } from './workflow-definition';
import { workflowFor } from './workflows';

const OFFICE = 'office-rabat';
const OTHER_OFFICE = 'office-oujda';
const NOW = new Date('2026-03-01T09:00:00Z');
const caseworker: ActingUser = { userId: 'cw-1', role: 'caseworker' };
const caseworker2: ActingUser = { userId: 'cw-2', role: 'caseworker' };
const supervisor: ActingUser = { userId: 'sup-1', role: 'supervisor' };
const commissioner: ActingUser = { userId: 'nc-1', role: 'supervisor' };
const system: ActingUser = { userId: 'system', role: 'system' };
const officeScope: CaseAccessScope = { kind: 'offices', officeIds: [OFFICE] };
const appealsScope: CaseAccessScope = { kind: 'appeals', officeId: 'office-commission' };
const complete: DocumentsAnswer = { missing: [], unverified: [] };
const REASON = 'Residence of five years not shown by any document.';

function newFile(kind: CaseKind, state?: string): CaseSnapshot {
  return {
    id: 'file-1',
    kind,
    state: state ?? workflowFor(kind).initial,
    officeId: OFFICE,
    version: 1,
    assigneeId: null,
    applicantUserId: null,
    proposal: null,
    firstDecision: null,
    interviewHeldAt: null,
  };
}

function act(file: CaseSnapshot, actor: ActingUser, action: string, input: TransitionInput = {}, scope = officeScope, documents = complete): CaseSnapshot {
  const plan = planTransition({ def: workflowFor(file.kind), file, actor, scope, action, input, documents, now: NOW });
  return progressAfter(file, plan, actor, NOW);
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('regularisation workflow', () => {
  function toProvincialReview(): CaseSnapshot {
    let f = newFile('regularisation');
    f = act(f, caseworker, 'submit');
    f = act(f, caseworker, 'start_completeness_check');
    return act(f, caseworker, 'accept_as_complete');
  }

  it('takes a file from draft to card issued with four eyes', () => {
    let f = toProvincialReview();
    f = act(f, caseworker, 'propose_favourable');
    f = act(f, supervisor, 'confirm_favourable');
    expect(f.firstDecision).toEqual({ outcome: 'favourable', deciders: ['cw-1', 'sup-1'] });
    f = act(f, caseworker, 'mark_card_ready');
    f = act(f, caseworker, 'issue_card');
    expect(f.state).toBe('card_issued');
    expect(f.version).toBe(8);
  });

  it('refuses an action the state does not offer, listing what this user may do', () => {
    const f = act(newFile('regularisation'), caseworker, 'submit');
    const e = errorOf(() => act(f, caseworker, 'propose_favourable'));
    expect(e.status).toBe(422);
    expect(e.code).toBe('CASES_ACTION_NOT_ALLOWED');
    expect(e.extra.allowedActions).toEqual(['start_completeness_check', 'withdraw', 'refer_to_asylum']);
  });

  it('refuses an unknown action with 422, not a crash', () => {
    expect(errorOf(() => act(newFile('regularisation'), caseworker, 'approve_everything')).status).toBe(422);
  });

  it('lets only a supervisor confirm, and never the person who proposed', () => {
    const proposed = act(toProvincialReview(), caseworker, 'propose_favourable');
    expect(errorOf(() => act(proposed, caseworker2, 'confirm_favourable')).status).toBe(403);
    // A supervisor who proposed (for example before a change of role) cannot confirm their own proposal.
    const ownProposal = { ...proposed, proposal: { outcome: 'favourable' as const, proposedBy: supervisor.userId } };
    const e = errorOf(() => act(ownProposal, supervisor, 'confirm_favourable'));
    expect(e.status).toBe(422);
    expect((e.extra.failedGuards as { guard: string }[]).map((g) => g.guard)).toEqual(['four_eyes']);
  });

  it('refuses a caseworker of another office with 403', () => {
    const f = act(newFile('regularisation'), caseworker, 'submit');
    const e = errorOf(() => act(f, caseworker, 'start_completeness_check', {}, { kind: 'offices', officeIds: [OTHER_OFFICE] }));
    expect(e.status).toBe(403);
    expect(e.code).toBe('CASES_ACTION_FORBIDDEN');
  });

  it('needs verified documents before review, and lists what is missing', () => {
    let f = act(newFile('regularisation'), caseworker, 'submit');
    f = act(f, caseworker, 'start_completeness_check');
    const e = errorOf(() =>
      act(f, caseworker, 'accept_as_complete', {}, officeScope, { missing: ['photo'], unverified: ['identity_document'] }),
    );
    expect(e.code).toBe('CASES_GUARD_FAILED');
    expect(e.detail).toContain('photo');
    expect(e.detail).toContain('identity_document');
  });

  it('needs written reasons for an unfavourable proposal', () => {
    const f = toProvincialReview();
    expect(errorOf(() => act(f, caseworker, 'propose_unfavourable', { reason: 'no' })).code).toBe('CASES_GUARD_FAILED');
    expect(act(f, caseworker, 'propose_unfavourable', { reason: REASON }).state).toBe('unfavourable_proposed');
  });

  it('runs a refusal through appeal to the national commission, decided by someone else', () => {
    let f = act(toProvincialReview(), caseworker, 'propose_unfavourable', { reason: REASON });
    f = act(f, supervisor, 'confirm_unfavourable', { reason: REASON });
    f = act(f, caseworker, 'notify_rejection');
    expect(f.state).toBe('appeal_window');
    f = act(f, caseworker, 'lodge_appeal');
    f = act(f, caseworker, 'forward_to_national_commission');
    // The office cannot decide the appeal; the appeal body can, but not someone who took part in the refusal.
    expect(errorOf(() => act(f, supervisor, 'grant_on_appeal')).status).toBe(403);
    const e = errorOf(() => act(f, supervisor, 'grant_on_appeal', {}, appealsScope));
    expect((e.extra.failedGuards as { guard: string }[])[0]!.guard).toBe('different_officer_than_first_decision');
    f = act(f, commissioner, 'grant_on_appeal', {}, appealsScope);
    expect(f.state).toBe('card_production');
  });

  it('starts and stops clocks with states', () => {
    const def = workflowFor('regularisation');
    let f = act(newFile('regularisation'), caseworker, 'submit');
    f = act(f, caseworker, 'start_completeness_check');
    const accept = planTransition({ def, file: f, actor: caseworker, scope: officeScope, action: 'accept_as_complete', input: {}, documents: complete, now: NOW });
    expect(accept.clocksStarted).toEqual(['provincial_review']);
    f = progressAfter(f, accept, caseworker, NOW);
    const rfi = planTransition({ def, file: f, actor: caseworker, scope: officeScope, action: 'request_documents', input: { data: { requested: ['photo'] } }, now: NOW });
    expect(rfi).toMatchObject({ clocksStopped: ['provincial_review'], clocksStarted: ['information_request'] });
    // Proposing keeps the review clock running: the two months cover the confirmation too.
    const propose = planTransition({ def, file: f, actor: caseworker, scope: officeScope, action: 'propose_favourable', input: {}, now: NOW });
    expect(propose).toMatchObject({ clocksStopped: [], clocksStarted: [] });
  });

  it('asks for documents by checklist code only', () => {
    let f = act(newFile('regularisation'), caseworker, 'submit');
    f = act(f, caseworker, 'start_completeness_check');
    expect(errorOf(() => act(f, caseworker, 'request_documents', { data: { requested: ['Photo ID'] } })).code).toBe('CASES_GUARD_FAILED');
    expect(act(f, caseworker, 'request_documents', { data: { requested: ['photo', 'proof_of_residence'] } }).state).toBe('awaiting_documents');
  });

  it('lets only the system close an unappealed file', () => {
    let f = act(toProvincialReview(), caseworker, 'propose_unfavourable', { reason: REASON });
    f = act(f, supervisor, 'confirm_unfavourable', { reason: REASON });
    f = act(f, caseworker, 'notify_rejection');
    expect(errorOf(() => act(f, supervisor, 'close_unappealed')).status).toBe(403);
    expect(act(f, system, 'close_unappealed', {}, { kind: 'all' }).state).toBe('closed');
  });

  it('refers to asylum only with consent and reasons', () => {
    const f = act(newFile('regularisation'), caseworker, 'submit');
    const e = errorOf(() => act(f, caseworker, 'refer_to_asylum', { reason: REASON }));
    expect((e.extra.failedGuards as { guard: string }[]).map((g) => g.guard)).toEqual(['consent_recorded']);
    expect(act(f, caseworker, 'refer_to_asylum', { reason: REASON, data: { consent: true } }).state).toBe('referred_to_asylum');
  });

  it('refuses every action to an administrator', () => {
    const f = act(newFile('regularisation'), caseworker, 'submit');
    expect(errorOf(() => act(f, { userId: 'adm', role: 'admin' }, 'start_completeness_check', {}, { kind: 'all' })).status).toBe(403);
  });
});

describe('asylum workflow', () => {
  const interview = { at: '2026-03-10T10:00:00Z', place: 'Rabat, bureau 3', interpreterLanguage: 'ar' };

  function toAssessment(): CaseSnapshot {
    let f = act(newFile('asylum'), caseworker, 'register');
    f = act(f, caseworker, 'schedule_interview', { data: { interview } });
    f = act(f, caseworker, 'record_interview');
    return act(f, caseworker, 'draft_assessment');
  }

  it('never decides without an interview', () => {
    const f = newFile('asylum', 'recognition_proposed');
    const paper = { ...f, proposal: { outcome: 'favourable' as const, proposedBy: 'cw-1' } };
    const e = errorOf(() => act(paper, supervisor, 'confirm_recognition'));
    expect((e.extra.failedGuards as { guard: string }[]).map((g) => g.guard)).toEqual(['interview_held']);
  });

  it('needs an interview date in the future and a place', () => {
    const f = act(newFile('asylum'), caseworker, 'register');
    expect(errorOf(() => act(f, caseworker, 'schedule_interview', { data: { interview: { ...interview, at: '2026-02-01T10:00:00Z' } } })).detail).toContain(
      'future',
    );
    expect(errorOf(() => act(f, caseworker, 'schedule_interview', { data: { interview: { at: interview.at } } })).detail).toContain('place');
  });

  it('goes through rejection, appeal to a different officer, and recognition', () => {
    let f = act(toAssessment(), caseworker, 'propose_rejection', { reason: REASON });
    f = act(f, supervisor, 'confirm_rejection', { reason: REASON });
    f = act(f, caseworker, 'notify_rejection');
    f = act(f, caseworker, 'lodge_appeal');
    f = act(f, caseworker, 'forward_appeal');
    expect(f.state).toBe('appeal_review');
    // The caseworker who proposed the rejection, now sitting on the appeal body, may not hear the appeal.
    const e = errorOf(() => act(f, caseworker, 'grant_on_appeal', {}, appealsScope));
    expect(e.code).toBe('CASES_GUARD_FAILED');
    f = act(f, commissioner, 'grant_on_appeal', {}, appealsScope);
    f = act(f, caseworker, 'notify_recognition');
    f = act(f, caseworker, 'issue_refugee_cards');
    expect(f.state).toBe('protected');
  });

  it('stops the decision clock at the decision and opens the appeal window at notification', () => {
    const def = workflowFor('asylum');
    let f = act(toAssessment(), caseworker, 'propose_rejection', { reason: REASON });
    const confirm = planTransition({ def, file: f, actor: supervisor, scope: officeScope, action: 'confirm_rejection', input: { reason: REASON }, now: NOW });
    expect(confirm.clocksStopped).toEqual(['asylum_decision']);
    f = progressAfter(f, confirm, supervisor, NOW);
    const notify = planTransition({ def, file: f, actor: caseworker, scope: officeScope, action: 'notify_rejection', input: {}, now: NOW });
    expect(notify.clocksStarted).toEqual(['appeal_window']);
  });

  it('can make an inactive claim active again', () => {
    let f = act(newFile('asylum'), caseworker, 'register');
    f = act(f, caseworker, 'mark_inactive', { reason: 'Did not come to two appointments.' });
    f = act(f, caseworker, 'reopen', { reason: 'Came back with a new address.' });
    expect(f.state).toBe('registered');
  });
});

describe('renewal workflow', () => {
  it('lapses only by the system, and approves with four eyes', () => {
    const f = newFile('renewal');
    expect(errorOf(() => act(f, caseworker, 'lapse')).status).toBe(403);
    let g = act(f, caseworker, 'request_renewal');
    g = act(g, caseworker, 'start_documents_check');
    g = act(g, caseworker, 'accept_as_complete');
    g = act(g, caseworker, 'propose_approval');
    g = act(g, supervisor, 'confirm_approval');
    g = act(g, caseworker, 'order_card');
    g = act(g, caseworker, 'mark_card_ready');
    expect(act(g, caseworker, 'issue_card').state).toBe('card_issued');
  });

  it('lets an applicant request the renewal of their own card only', () => {
    const mine = { ...newFile('renewal'), applicantUserId: 'app-1' };
    expect(act(mine, { userId: 'app-1', role: 'applicant' }, 'request_renewal', {}, { kind: 'none' }).state).toBe('requested');
    expect(errorOf(() => act(mine, { userId: 'app-2', role: 'applicant' }, 'request_renewal', {}, { kind: 'none' })).status).toBe(403);
  });
});

describe('available actions', () => {
  it('shows a supervisor what blocks a confirmation and what an action needs', () => {
    const f: CaseSnapshot = { ...newFile('regularisation', 'unfavourable_proposed'), proposal: { outcome: 'unfavourable', proposedBy: 'sup-1' } };
    const actions = availableActions({ def: workflowFor('regularisation'), file: f, actor: supervisor, scope: officeScope, now: NOW });
    const confirm = actions.find((a) => a.action === 'confirm_unfavourable')!;
    expect(confirm.blockedBy).toEqual(['four_eyes']);
    expect(confirm.needs).toEqual(['reasons_written']);
    expect(actions.map((a) => a.action)).toEqual(['overturn_proposal', 'confirm_unfavourable', 'withdraw']);
  });
});
