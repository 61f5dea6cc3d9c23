import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages/en';
import { json, mockApi, renderAt, resetApi, type SeenRequest } from '../../test/page-harness';
import { WorkQueue } from './WorkQueue';

const ME = { id: 'cw-1', email: 'cw@x', displayName: 'Youssef', role: 'caseworker', officeId: 'o1', officeCode: 'RAB', officeName: 'Rabat' };
const CLAIMED = '0b7d3c52-8a6f-4f11-9c2e-7d1e2a3b4c5d';
const DAY = 86_400_000;

function item(id: string, reference: string, dueInDays: number, over: Record<string, unknown> = {}) {
  return { id, reference, kind: 'regularisation', category: 'work_contract', nationality: 'SN', state: 'provincial_review', officeId: 'o1', assigneeId: 'cw-1', dueAt: new Date(Date.now() + dueInDays * DAY).toISOString(), overdue: dueInDays < 0, ...over };
}

// The API sorts by deadline, soonest first (libs/cases work-queue query); the screen keeps that order.
const ITEMS = [item('a', 'MA-AAAA-0001', -2), item('b', 'MA-BBBB-0002', 3), item('c', 'MA-CCCC-0003', 30, { assigneeId: null })];

let seen: SeenRequest[];
let claimAnswer: () => Response;
beforeEach(() => {
  claimAnswer = () => json({ id: CLAIMED, reference: 'MA-CLMD-0004', state: 'provincial_review', version: 3 });
  seen = mockApi((r) => {
    if (r.path === '/auth/me') return json(ME);
    if (r.path === '/work-queue') return json({ items: ITEMS, nextCursor: null, counts: { provincial_review: 3 } });
    if (r.path === '/work-queue/claim' && r.method === 'POST') return claimAnswer();
    return undefined;
  });
});
afterEach(resetApi);

const queueCalls = () => seen.filter((r) => r.path === '/work-queue');
const lastQueueQuery = () => queueCalls().at(-1)!.query;

describe('WorkQueue', () => {
  it('each tab asks the API for its view; assigned to me is the default', async () => {
    renderAt(<WorkQueue />, { route: '/app/queue' });
    await screen.findAllByTestId('queue-row');
    expect(lastQueueQuery().get('view')).toBe('mine');
    const tabs = screen.getByRole('tablist', { name: en.queue.tabsLabel });
    // A caseworker does not confirm decisions: that tab is the supervisor's.
    expect(within(tabs).queryByRole('tab', { name: en.queue.tabs.awaiting_my_confirmation })).toBeNull();
    for (const view of ['office', 'unassigned', 'overdue', 'due_this_week'] as const) {
      fireEvent.click(within(tabs).getByRole('tab', { name: en.queue.tabs[view] }));
      await waitFor(() => expect(lastQueueQuery().get('view')).toBe(view));
      expect(within(tabs).getByRole('tab', { name: en.queue.tabs[view] })).toHaveAttribute('aria-selected', 'true');
    }
  });

  it('sends the filters: kind, state and a two-letter nationality (not a half-typed one)', async () => {
    renderAt(<WorkQueue />, { route: '/app/queue', path: '/app/queue?tab=office&kind=asylum' });
    await screen.findAllByTestId('queue-row');
    expect(lastQueueQuery().get('view')).toBe('office');
    expect(lastQueueQuery().get('kind')).toBe('asylum');
    fireEvent.change(screen.getByLabelText(en.queue.state), { target: { value: 'on_hold' } });
    await waitFor(() => expect(lastQueueQuery().get('state')).toBe('on_hold'));
    fireEvent.change(screen.getByLabelText(en.queue.nationality), { target: { value: 'c' } });
    await waitFor(() => expect(queueCalls().some((r) => r.query.get('state') === 'on_hold' && r.query.get('nationality') === null)).toBe(true));
    fireEvent.change(screen.getByLabelText(en.queue.nationality), { target: { value: 'cm' } });
    await waitFor(() => expect(lastQueueQuery().get('nationality')).toBe('CM'));
    expect(lastQueueQuery().get('kind')).toBe('asylum');
    expect(lastQueueQuery().get('view')).toBe('office');
  });

  it('lists the files by deadline, soonest first, an overdue one marked, and says the column is sorted', async () => {
    renderAt(<WorkQueue />, { route: '/app/queue' });
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['MA-AAAA-0001', 'MA-BBBB-0002', 'MA-CCCC-0003']);
    expect(screen.getByRole('columnheader', { name: en.case.deadline })).toHaveAttribute('aria-sort', 'ascending');
    expect(rows[0]).toHaveTextContent(en.queue.overdue);
    expect(rows[1]).not.toHaveTextContent(en.queue.overdue);
    expect(rows[2]).toHaveTextContent(en.queue.unassigned);
  });

  it('"take the next file" claims one (of the chosen kind) and opens it', async () => {
    const { router } = renderAt(<WorkQueue />, { route: '/app/queue', path: '/app/queue?kind=renewal' });
    fireEvent.click(await screen.findByRole('button', { name: en.queue.claimNext }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/cases/${CLAIMED}`));
    expect(seen.filter((r) => r.path === '/work-queue/claim')).toMatchObject([{ method: 'POST', body: { kind: 'renewal' } }]);
  });

  it('says so when no file is waiting to be claimed, and stays on the queue', async () => {
    claimAnswer = () => json({ status: 404, code: 'CASES_NOTHING_TO_CLAIM', detail: 'none' }, 404);
    const { router } = renderAt(<WorkQueue />, { route: '/app/queue' });
    fireEvent.click(await screen.findByRole('button', { name: en.queue.claimNext }));
    expect(await screen.findByText(en.queue.nothingToClaim)).toBeInTheDocument();
    expect(seen.filter((r) => r.path === '/work-queue/claim')).toMatchObject([{ method: 'POST', body: {} }]);
    expect(router.state.location.pathname).toBe('/app/queue');
  });
});
