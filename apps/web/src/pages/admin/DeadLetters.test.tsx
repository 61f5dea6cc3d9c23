import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../auth/session';
import { en } from '../../i18n/messages/en';
import { DeadLetters } from './DeadLetters';
import { fakeAdminApi, renderAdminPage } from './admin-test-api';

const letter = (id: string, event: string, channel: 'email' | 'sms' | 'in_app', lastError: string) => ({
  id,
  deliveryId: `${id}-d`,
  notificationId: `${id}-n`,
  event,
  channel,
  attempts: 5,
  failedAt: '2026-11-29T09:00:00.000Z',
  lastError,
});
let api: ReturnType<typeof fakeAdminApi>;

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  api = fakeAdminApi({ deadLetters: [letter('d1', 'case.decided', 'email', 'SMTP 550 mailbox unavailable'), letter('d2', 'case.received', 'sms', 'no phone number')] });
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe('DeadLetters page', { timeout: 30_000 }, () => {
  it('lists the messages that failed, with their channel, attempts and last error', async () => {
    renderAdminPage(<DeadLetters />);
    const table = await screen.findByTestId('dead-letters');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('case.decided');
    expect(rows[0]).toHaveTextContent('email');
    expect(rows[0]).toHaveTextContent('SMTP 550 mailbox unavailable');
    expect(rows[0]).toHaveTextContent('5');
    expect(rows[1]).toHaveTextContent('no phone number');
  });

  it('sends one again and drops it from the list; says so when none is left', async () => {
    renderAdminPage(<DeadLetters />);
    const first = (await screen.findByText('case.decided')).closest('tr')!;
    fireEvent.click(within(first).getByRole('button', { name: en.admin.retry }));
    await waitFor(() => expect(api.sent).toEqual([{ method: 'POST', path: '/admin/notifications/dead-letters/d1/retry', body: null }]));
    await waitFor(() => expect(screen.queryByText('case.decided')).toBeNull());
    expect(await screen.findByText(en.admin.retried)).toBeInTheDocument();
    fireEvent.click(within((await screen.findByText('case.received')).closest('tr')!).getByRole('button', { name: en.admin.retry }));
    expect(await screen.findByText(en.admin.noDeadLetters)).toBeInTheDocument();
  });
});
