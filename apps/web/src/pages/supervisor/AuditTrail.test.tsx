import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages/en';
import { json, mockApi, renderAt, resetApi, type SeenRequest } from '../../test/page-harness';
import { AuditTrail } from './AuditTrail';

const FILE = '6f1c1f0e-4a8f-4d8e-9d55-0f6a1b2c3d4e';
const EVENT = {
  id: 'e1', seq: '41', occurredAt: '2026-11-28T09:00:00.000Z', action: 'case.read', actorId: 'cw-1-aaaaaaaa', actorRole: 'caseworker', subjectType: 'application', subjectId: FILE,
  applicationId: FILE, fields: ['nationality', 'birthYear'], details: {}, hash: 'h41', ip: '10.0.0.7', requestId: 'r1',
};
const INTACT = { ok: true, eventsChecked: 1200, checkpointsChecked: 3, durationMs: 18, head: { seq: '1200', hash: 'ab'.repeat(32) }, firstBreak: null, lastCheckpoint: null, signaturesChecked: true, signingKeys: [], uncoveredSince: null };
const BROKEN = { ...INTACT, ok: false, firstBreak: { seq: '77', kind: 'hash_mismatch', detail: 'The hash does not match the event.' } };

let seen: SeenRequest[];
let verification: unknown;
beforeEach(() => {
  verification = INTACT;
  seen = mockApi((r) => {
    if (r.path === '/audit/events') return json({ events: r.query.get('applicationId') === FILE ? [EVENT] : [], nextCursor: null });
    if (r.path === '/audit/verify') return json(verification);
    return undefined;
  });
});
afterEach(resetApi);

const searches = () => seen.filter((r) => r.path === '/audit/events');

describe('AuditTrail', () => {
  it('sends the filters it was given (no empty one; the end date included) and shows the events found', async () => {
    renderAt(<AuditTrail />);
    expect(await screen.findByText(en.audit.none)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: en.audit.search });
    fireEvent.change(within(form).getByLabelText(en.audit.file), { target: { value: ` ${FILE} ` } });
    fireEvent.change(within(form).getByLabelText(en.audit.action), { target: { value: 'case.read' } });
    fireEvent.change(within(form).getByLabelText(en.audit.to), { target: { value: '2026-11-28' } });
    fireEvent.click(within(form).getByRole('button', { name: en.audit.search }));
    const table = await screen.findByTestId('audit-events');
    const q = searches().at(-1)!.query;
    expect(q.get('applicationId')).toBe(FILE);
    expect(q.get('action')).toBe('case.read');
    expect(q.has('actorId')).toBe(false);
    expect(q.has('from')).toBe(false);
    expect(new Date(q.get('to')!).getTime()).toBe(new Date('2026-11-29T00:00:00').getTime());
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('41');
    expect(row).toHaveTextContent('case.read');
    expect(row).toHaveTextContent('caseworker cw-1-aaa');
    expect(row).toHaveTextContent('nationality, birthYear');
    expect(row).toHaveTextContent('10.0.0.7');
  });

  it('runs the chain verification and says the chain is intact', async () => {
    renderAt(<AuditTrail />);
    fireEvent.click(await screen.findByRole('button', { name: en.audit.verify }));
    const result = await screen.findByTestId('audit-verification');
    expect(result).toHaveTextContent(en.audit.intact);
    expect(result).toHaveTextContent('1,200 events and 3 checkpoints checked in 18 ms.');
    expect(result).toHaveTextContent('#1200');
    expect(result).not.toHaveTextContent(en.audit.noSignatures);
    expect(seen.filter((r) => r.path === '/audit/verify')).toHaveLength(1);
  });

  it('says the chain is broken and where it first breaks', async () => {
    verification = BROKEN;
    renderAt(<AuditTrail />);
    fireEvent.click(await screen.findByRole('button', { name: en.audit.verify }));
    const result = await screen.findByTestId('audit-verification');
    expect(result).toHaveTextContent(en.audit.broken);
    expect(result).not.toHaveTextContent(en.audit.intact);
    expect(result).toHaveTextContent('First break at #77 (hash_mismatch). The hash does not match the event.');
  });
});
