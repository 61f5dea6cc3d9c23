import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import { session } from '../../auth/session';
import { createAppI18n } from '../../i18n/app-i18n';
import { en } from '../../i18n/messages/en';
import { CasePage } from './CasePage';

const ID = '6f1c1f0e-4a8f-4d8e-9d55-0f6a1b2c3d4e';
const ME = { id: 'cw-1', email: 'cw@x', displayName: 'Youssef', role: 'caseworker', officeId: 'o1', officeCode: 'RAB', officeName: 'Rabat' };

function file(over: Record<string, unknown> = {}) {
  return {
    id: ID, reference: 'MA-7K3Q-9XWD', kind: 'regularisation', category: 'work_contract', criteriaVersion: 'MA-2016', modality: null,
    state: 'provincial_review', stage: 'under_review', final: false, version: 4, officeId: 'o1', appealOfficeId: null, assigneeId: 'cw-1',
    dueAt: '2027-01-20T00:00:00.000Z', submittedAt: '2026-11-20T09:00:00.000Z', decidedAt: null, proposal: null, firstDecision: null, interview: null,
    interviewHeldAt: null, cardExpiresOn: null, linkedApplicationId: null,
    applicant: { id: 'p1', latinName: 'Mohamed Diallo', arabicName: 'محمد ديالو', birthYear: 1990, nationality: 'SN', sex: 'male', preferredLanguage: 'fr' },
    eligibility: { category: 'work_contract', criteriaVersion: 'MA-2016', verdict: 'meets', reasons: [{ code: 'contract', holds: true, text: 'A work contract of 36 months.' }] },
    otherCategories: [],
    clocks: [{ clock: 'provincial_review', startedAt: '2026-11-20T09:00:00.000Z', dueAt: '2027-01-20T00:00:00.000Z', escalatedAt: null }],
    history: [{ version: 1, action: 'open', from: null, to: 'draft', actorId: 'cw-1', actorRole: 'caseworker', reason: null, at: '2026-11-20T09:00:00.000Z' }],
    notes: [],
    actions: [
      { action: 'propose_favourable', label: 'Propose a favourable opinion', to: 'favourable_proposed', blockedBy: [], needs: [] },
      { action: 'propose_unfavourable', label: 'Propose an unfavourable opinion', to: 'unfavourable_proposed', blockedBy: [], needs: ['reasons_written'] },
      { action: 'hold_for_security_check', label: 'Hold', to: 'on_hold', blockedBy: ['documents_verified'], needs: [] },
    ],
    ...over,
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

function renderPage() {
  const router = createMemoryRouter([{ path: '/app/cases/:id', element: <CasePage /> }], { initialEntries: [`/app/cases/${ID}`] });
  return render(
    <AppProviders i18n={createAppI18n('en')} client={makeQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

let current: ReturnType<typeof file>;
let transitionAnswer: () => Response;
const transitions: unknown[] = [];

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  current = file();
  transitions.length = 0;
  transitionAnswer = () => json({ id: ID, reference: current.reference, state: 'favourable_proposed', stage: 'decision_being_prepared', version: 5, historyId: 'h5' });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/auth/me') return json(ME);
      if (url.pathname === `/applications/${ID}`) return json(current);
      if (url.pathname === `/applications/${ID}/documents`) return json({ complete: true, items: [] });
      if (url.pathname === `/applications/${ID}/transitions`) {
        transitions.push(await request.json());
        return transitionAnswer();
      }
      if (url.pathname.startsWith('/workflows/')) return new Response('stateDiagram-v2\n', { status: 200, headers: { 'content-type': 'text/plain' } });
      return json({ status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe('CasePage', () => {
  it('shows the actions allowed now as buttons, a blocked one disabled with what blocks it', async () => {
    renderPage();
    const actions = await screen.findByTestId('case-actions');
    expect(within(actions).getByRole('button', { name: 'Propose a favourable opinion' })).toBeEnabled();
    expect(within(actions).getByRole('button', { name: 'Hold' })).toBeDisabled();
    expect(within(actions).getByText(/documents not all verified yet/)).toBeInTheDocument();
    expect(screen.getByText('A work contract of 36 months.')).toBeInTheDocument();
  });

  it('sends the action with the version on screen; a refusal cannot go without reasons', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Propose an unfavourable opinion' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: en.common.confirm });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(new RegExp(en.case.reasonRequired.replace(/[()]/g, '.'))), { target: { value: 'The contract is for 6 months only.' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(transitions).toEqual([{ action: 'propose_unfavourable', expectedVersion: 4, reason: 'The contract is for 6 months only.' }]));
  });

  it('on 409 shows what changed and reloads the file', async () => {
    transitionAnswer = () => {
      current = file({ state: 'on_hold', version: 5, history: [...file().history, { version: 5, action: 'hold_for_security_check', from: 'provincial_review', to: 'on_hold', actorId: 'sv-1', actorRole: 'supervisor', reason: 'check', at: '2026-11-29T08:00:00.000Z' }], actions: [] });
      return json({ status: 409, code: 'CASES_VERSION_CONFLICT', detail: 'changed' }, 409);
    };
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Propose a favourable opinion' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: en.common.confirm }));
    const conflict = await screen.findByRole('dialog', { name: en.conflict.title });
    expect(await within(conflict).findByTestId('conflict-changes')).toHaveTextContent(`${en.conflict.field.state}: ${en.states.provincial_review} → ${en.states.on_hold}`);
    fireEvent.click(within(conflict).getByRole('button', { name: en.conflict.reload }));
    await waitFor(() => expect(screen.getByTestId('case-state')).toHaveAttribute('data-state', 'on_hold'));
  });
});
