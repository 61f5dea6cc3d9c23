import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import { session } from '../../auth/session';
import { createAppI18n } from '../../i18n/app-i18n';
import { SUPERVISOR_TOOLS_MESSAGES } from '../../i18n/supervisor-tools.messages';
import { en as main } from '../../i18n/messages/en';
import { LegalHoldPanel } from './LegalHoldPanel';

const en = SUPERVISOR_TOOLS_MESSAGES.en;
const ID = '6f1c1f0e-4a8f-4d8e-9d55-0f6a1b2c3d4e';
const ME = { id: 'sv-1', email: 'sv@x', displayName: 'Karim', role: 'supervisor', officeId: 'o1', officeCode: 'RAB', officeName: 'Rabat' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

let hold: Record<string, unknown> | null;
const posts: { path: string; body: unknown }[] = [];

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  hold = null;
  posts.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/auth/me') return json(ME);
      if (url.pathname === `/applications/${ID}/legal-hold` && request.method === 'GET') return json({ hold });
      if (url.pathname.startsWith(`/applications/${ID}/legal-hold`) && request.method === 'POST') {
        const body = (await request.json()) as { reason: string };
        posts.push({ path: url.pathname, body });
        if (url.pathname.endsWith('/release')) return json({ status: 404, code: 'SUPERVISION_NO_LEGAL_HOLD', title: 'No legal hold', detail: 'This file has no legal hold to release.' }, 404);
        hold = { id: 'h1', applicationId: ID, reason: body.reason, setBy: 'sv-1', setByName: 'Karim', setAt: '2026-11-29T09:00:00.000Z' };
        return json(hold, 201);
      }
      return json({ status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const renderPanel = () =>
  render(
    <AppProviders i18n={createAppI18n('en')} client={makeQueryClient()}>
      <LegalHoldPanel applicationId={ID} />
    </AppProviders>,
  );

describe('LegalHoldPanel', () => {
  it('places a hold only with a reason of 15 characters, then shows it with who placed it and why', async () => {
    renderPanel();
    expect(await screen.findByText(en.legalHold.none)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: en.legalHold.place }));
    const dialog = await screen.findByRole('dialog', { name: en.legalHold.place });
    const confirm = within(dialog).getByRole('button', { name: main.common.confirm });
    const reason = within(dialog).getByRole('textbox', { name: new RegExp(en.legalHold.reason) });
    fireEvent.change(reason, { target: { value: 'Court case' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(reason, { target: { value: 'Court case 2026/118 before the administrative court' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('legal-hold')).toHaveAttribute('data-held', 'yes'));
    expect(posts).toEqual([{ path: `/applications/${ID}/legal-hold`, body: { reason: 'Court case 2026/118 before the administrative court' } }]);
    expect(screen.getByText(en.legalHold.active)).toBeInTheDocument();
    expect(screen.getByText(/Placed by you on/)).toBeInTheDocument();
    expect(screen.getByText(/Court case 2026\/118/)).toBeInTheDocument();
  });

  it('shows the problem the API answers when a release is refused, and keeps what was typed', async () => {
    hold = { id: 'h1', applicationId: ID, reason: 'An inquiry by the prosecutor', setBy: 'sv-2', setByName: 'Omar', setAt: '2026-11-20T09:00:00.000Z' };
    renderPanel();
    expect(await screen.findByText(/Placed by Omar on/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: en.legalHold.release }));
    const dialog = await screen.findByRole('dialog', { name: en.legalHold.release });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(en.legalHold.reason) }), { target: { value: 'The inquiry was closed on 27 November.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: main.common.confirm }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(main.common.notFound);
    expect(within(dialog).getByRole('textbox', { name: new RegExp(en.legalHold.reason) })).toHaveValue('The inquiry was closed on 27 November.');
  });
});
