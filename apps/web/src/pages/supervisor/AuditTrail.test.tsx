import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages/en';
import { json, mockApi, renderAt, resetApi, type SeenRequest } from '../../test/page-harness';
import { AuditTrail } from './AuditTrail';

const FILE = '6f1c1f0e-4a8f-4d8e-9d55-0f6a1b2c3d4e';
const REFERENCE = 'MA-7K3Q-9XWD';
const EVENT = {
  id: 'e1', seq: '41', occurredAt: '2026-11-28T09:00:00.000Z', action: 'case.read', actorId: 'cw-1-aaaaaaaa', actorRole: 'caseworker', subjectType: 'application', subjectId: FILE,
  applicationId: FILE, applicationReference: REFERENCE, fields: ['nationality', 'birthYear'], details: {}, hash: 'h41', ip: '10.0.0.7', requestId: 'r1',
};
const INTACT = { ok: true, eventsChecked: 1200, checkpointsChecked: 3, durationMs: 18, head: { seq: '1200', hash: 'ab'.repeat(32) }, firstBreak: null, lastCheckpoint: null, signaturesChecked: true, signingKeys: [], uncoveredSince: null };
const BROKEN = { ...INTACT, ok: false, firstBreak: { seq: '77', kind: 'hash_mismatch', detail: 'The hash does not match the event.' } };

let seen: SeenRequest[];
let verification: unknown;
beforeEach(() => {
  verification = INTACT;
  seen = mockApi((r) => {
    if (r.path === '/audit/events') {
      const reference = r.query.get('reference');
      if (reference === 'MA-7K3Q-9XW') return json({ status: 400, title: 'Invalid file reference', detail: 'This is not a file reference.', code: 'AUDIT_SEARCH_REFERENCE_INVALID' }, 400);
      return json({ events: reference === 'ma 7k3q 9xwd' ? [EVENT] : [], nextCursor: null });
    }
    if (r.path === '/audit/verify') return json(verification);
    return undefined;
  });
});
afterEach(resetApi);

const searches = () => seen.filter((r) => r.path === '/audit/events');

describe('AuditTrail', () => {
  it("sends the filters it was given (the file's reference as typed, no empty one; the end date included) and shows the events found with their file's reference", async () => {
    renderAt(<AuditTrail />);
    expect(await screen.findByText(en.audit.none)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: en.audit.search });
    fireEvent.change(within(form).getByLabelText(en.audit.fileReference), { target: { value: ' ma 7k3q 9xwd ' } });
    fireEvent.change(within(form).getByLabelText(en.audit.action), { target: { value: 'case.read' } });
    fireEvent.change(within(form).getByLabelText(en.audit.to), { target: { value: '2026-11-28' } });
    fireEvent.click(within(form).getByRole('button', { name: en.audit.search }));
    const table = await screen.findByTestId('audit-events');
    const q = searches().at(-1)!.query;
    // The API reads the reference (case, spaces, dashes) with the cases context's parser: sent as typed, trimmed.
    expect(q.get('reference')).toBe('ma 7k3q 9xwd');
    expect(q.has('applicationId')).toBe(false);
    expect(q.get('action')).toBe('case.read');
    expect(q.has('actorId')).toBe(false);
    expect(q.has('from')).toBe(false);
    expect(new Date(q.get('to')!).getTime()).toBe(new Date('2026-11-29T00:00:00').getTime());
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('41');
    expect(row).toHaveTextContent('case.read');
    expect(within(row).getAllByRole('cell')[3]).toHaveTextContent(REFERENCE);
    expect(row).toHaveTextContent('caseworker cw-1-aaa');
    expect(row).toHaveTextContent('nationality, birthYear');
    expect(row).toHaveTextContent('10.0.0.7');
  });

  it('says at the field when what was typed is not a file reference', async () => {
    renderAt(<AuditTrail />);
    expect(await screen.findByText(en.audit.none)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: en.audit.search });
    const field = within(form).getByLabelText(en.audit.fileReference);
    fireEvent.change(field, { target: { value: 'MA-7K3Q-9XW' } });
    fireEvent.click(within(form).getByRole('button', { name: en.audit.search }));
    expect(await within(form).findByText(en.audit.referenceInvalid)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(searches().at(-1)!.query.get('reference')).toBe('MA-7K3Q-9XW');
    expect(screen.queryByTestId('audit-events')).not.toBeInTheDocument();
    expect(screen.queryByText(en.audit.none)).not.toBeInTheDocument();
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
