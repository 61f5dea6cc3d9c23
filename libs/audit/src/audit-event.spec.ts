import { runWithRequestContext } from '@masar/logging';
import { AuditErrorCode } from './audit-errors';
import { normaliseEvent, type AuditEventInput } from './audit-event';

const event: AuditEventInput = { action: 'case.transition', actorId: 'u-1', subjectType: 'application', subjectId: 'a-1', applicationId: 'a-1' };
const refused = (e: Partial<AuditEventInput>) => expect(() => normaliseEvent({ ...event, ...e })).toThrow(expect.objectContaining({ code: AuditErrorCode.EventInvalid }));

describe('normaliseEvent', () => {
  it('fills id, time and the request context, and sorts field names once each', () => {
    const now = new Date('2026-11-29T06:00:00.123Z');
    const body = runWithRequestContext({ requestId: 'req-abcdefgh', ip: '2001:db8::1' }, () => normaliseEvent({ ...event, fields: ['phone', 'address', 'phone'] }, now));
    expect(body).toMatchObject({ occurredAt: '2026-11-29T06:00:00.123Z', requestId: 'req-abcdefgh', ip: '2001:db8::1', fields: ['address', 'phone'], details: {}, actorRole: null });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prefers what the caller gives over the request context', () => {
    const body = runWithRequestContext({ requestId: 'req-context1', ip: '10.0.0.1' }, () => normaliseEvent({ ...event, requestId: 'req-explicit', ip: '10.0.0.2' }));
    expect(body).toMatchObject({ requestId: 'req-explicit', ip: '10.0.0.2' });
  });

  it('accepts every request id the logging module accepts from X-Request-Id', () => {
    for (const requestId of ['-leading-dash', '.dotted.id.', '_underscored_', '0f8fad5b-d9cb-469f-a165-70867728950e']) {
      expect(runWithRequestContext({ requestId }, () => normaliseEvent(event)).requestId).toBe(requestId);
    }
  });

  it('leaves out a malformed address or request id from the context rather than fail the request', () => {
    const body = runWithRequestContext({ requestId: 'bad id with spaces', ip: 'unknown' }, () => normaliseEvent(event));
    expect(body).toMatchObject({ requestId: null, ip: null });
  });

  it('accepts anonymous and system events', () => {
    expect(normaliseEvent({ action: 'auth.login_failed', actorId: null, subjectType: 'user' })).toMatchObject({ actorId: null, subjectId: null, applicationId: null });
  });

  it('accepts ids, codes, numbers, booleans, null and ISO dates as details', () => {
    const details = { decisionId: '8f0c-11', criteriaVersion: '2016.2', count: 3, urgent: true, reasonCode: null, dueOn: '2027-01-31T00:00:00+01:00' };
    expect(normaliseEvent({ ...event, details }).details).toEqual(details);
  });

  it.each<[string, Partial<AuditEventInput>]>([
    ['free text in a detail (a name, a typed reason)', { details: { reason: 'married to Amina Benali' } }],
    ['an object in a detail', { details: { person: { name: 'x' } as never } }],
    ['a value where a field name belongs', { fields: ['passport=AB123456'] }],
    ['a name as a subject id', { subjectId: 'Moussa Diallo' }],
    ['an action that is not context.verb', { action: 'Transition' }],
    ['an ip that is not an address', { ip: 'home' }],
    ['a detail key that is not a name', { details: { 'full name': 'x' } }],
  ])('refuses %s', (_what, e) => refused(e));
});
