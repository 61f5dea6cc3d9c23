import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fr } from '../../i18n/messages/fr';
import { json, mockApi, renderAt, resetApi, type SeenRequest } from '../../test/page-harness';
import { MyNotifications } from './MyNotifications';

function message(id: string, language: 'ar' | 'fr', readAt: string | null, subject: string) {
  return { id, applicationId: 'app-1', event: 'case.decided', language, subject, body: `${subject} — corps`, createdAt: '2026-11-28T09:00:00.000Z', readAt };
}

let seen: SeenRequest[];
let items: ReturnType<typeof message>[];
beforeEach(() => {
  items = [message('m1', 'fr', null, 'Votre dossier a été décidé'), message('m2', 'ar', '2026-11-27T10:00:00.000Z', 'تم استلام ملفكم')];
  seen = mockApi((r) => {
    if (r.path === '/me/notifications' && r.method === 'GET') return json({ items, next: null });
    const read = /^\/me\/notifications\/([^/]+)\/read$/.exec(r.path);
    if (read && r.method === 'POST') {
      items = items.map((m) => (m.id === read[1] ? { ...m, readAt: '2026-11-29T12:00:00.000Z' } : m));
      return json({ id: read[1], readAt: '2026-11-29T12:00:00.000Z' });
    }
    return undefined;
  });
});
afterEach(resetApi);

describe('MyNotifications', () => {
  it('asks for the messages in the language the applicant chose and shows each in the language it was written in', async () => {
    renderAt(<MyNotifications />, { lang: 'fr' });
    const cards = await screen.findAllByTestId('inbox-item');
    expect(seen.find((r) => r.path === '/me/notifications')!.headers.get('accept-language')).toBe('fr');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveAttribute('lang', 'fr');
    expect(cards[0]).toHaveAttribute('dir', 'ltr');
    expect(cards[0]).toHaveTextContent('Votre dossier a été décidé');
    expect(cards[1]).toHaveAttribute('lang', 'ar');
    expect(cards[1]).toHaveAttribute('dir', 'rtl');
    // Only the unread one is marked new and can be marked read.
    expect(within(cards[0]).getByText(fr.inbox.new)).toBeInTheDocument();
    expect(within(cards[1]).queryByText(fr.inbox.new)).toBeNull();
    expect(within(cards[1]).queryByRole('button', { name: fr.inbox.markRead })).toBeNull();
  });

  it('marks a message read through the API, and it is no longer new', async () => {
    renderAt(<MyNotifications />, { lang: 'fr' });
    const [unread] = await screen.findAllByTestId('inbox-item');
    fireEvent.click(within(unread).getByRole('button', { name: fr.inbox.markRead }));
    await waitFor(() => expect(screen.queryByText(fr.inbox.new)).toBeNull());
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/me/notifications/m1/read']);
    expect(screen.queryByRole('button', { name: fr.inbox.markRead })).toBeNull();
  });

  it('says when there is no message', async () => {
    items = [];
    renderAt(<MyNotifications />, { lang: 'fr' });
    expect(await screen.findByText(fr.inbox.empty)).toBeInTheDocument();
  });
});
