import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import { session } from '../../auth/session';
import { createAppI18n } from '../../i18n/app-i18n';
import { SUPERVISOR_TOOLS_MESSAGES } from '../../i18n/supervisor-tools.messages';
import { ReassignDialog } from './ReassignDialog';
import type { FileToReassign, ReassignOutcome } from './reassignment';

const en = SUPERVISOR_TOOLS_MESSAGES.en;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });
const files: FileToReassign[] = [
  { id: 'f1', reference: 'MA-AAAA-1111', officeId: 'rab', assigneeId: 'youssef', version: 4 },
  { id: 'f2', reference: 'MA-BBBB-2222', officeId: 'rab', assigneeId: 'youssef', version: 7 },
];
const puts: { id: string; body: unknown }[] = [];

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  puts.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/offices/rab/staff')
        return json([
          { id: 'karim', displayName: 'Karim Supervisor', role: 'supervisor' },
          { id: 'salma', displayName: 'Salma Caseworker', role: 'caseworker' },
          { id: 'youssef', displayName: 'Youssef Caseworker', role: 'caseworker' },
        ]);
      const m = url.pathname.match(/^\/applications\/(\w+)\/assignment$/);
      if (m && request.method === 'PUT') {
        puts.push({ id: m[1]!, body: await request.json() });
        return m[1] === 'f2' ? json({ status: 409, code: 'CASES_VERSION_CONFLICT', detail: 'changed' }, 409) : json({ id: m[1], assigneeId: 'salma', version: 5 });
      }
      return json({ status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe('ReassignDialog', () => {
  it('offers the office staff but the current holder, sends each file at its version with the reason, and names the one that changed meanwhile', async () => {
    const done: ReassignOutcome[] = [];
    render(
      <AppProviders i18n={createAppI18n('en')} client={makeQueryClient()}>
        <ReassignDialog files={files} onClose={() => undefined} onDone={(o) => done.push(o)} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Reassign 2 files' });
    const submit = within(dialog).getByRole('button', { name: en.reassign.action });
    expect(submit).toBeDisabled();
    fireEvent.click(await within(dialog).findByLabelText(new RegExp(en.reassign.to)));
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(['Salma Caseworker (caseworker)', 'Karim Supervisor (supervisor)']);
    fireEvent.click(options[0]!);
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(en.reassign.reason) }), { target: { value: 'Youssef is on leave.' } });
    expect(submit).toBeEnabled();
    fireEvent.click(submit);
    await waitFor(() => expect(done).toHaveLength(1));
    expect(puts).toEqual([
      { id: 'f1', body: { assigneeId: 'salma', reason: 'Youssef is on leave.', expectedVersion: 4 } },
      { id: 'f2', body: { assigneeId: 'salma', reason: 'Youssef is on leave.', expectedVersion: 7 } },
    ]);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('1 of 2 files reassigned');
    expect(alert).toHaveTextContent(`MA-BBBB-2222: ${en.reassign.changed}`);
  });
});
