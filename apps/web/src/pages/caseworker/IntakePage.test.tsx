import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import { session } from '../../auth/session';
import { createAppI18n } from '../../i18n/app-i18n';
import { INTAKE_MESSAGES } from '../../i18n/messages/intake';
import { IntakePage } from './IntakePage';

const words = INTAKE_MESSAGES.fr.intake;
const BATCH = '5b0c8d2e-7f1a-4c3b-9d2e-1a2b3c4d5e6f';
const PERSON = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });
const batch = (over: Record<string, unknown> = {}) => ({
  id: BATCH, officeId: 'o1', status: 'completed', fileName: 'campagne.csv', fileSha256: 'x', criteriaVersion: 'MA-2016',
  counts: { received: 5, invalid: 1, staged: 4, imported: 3, forReview: 1, pending: 0 }, progress: 1, createdAt: '2026-11-29T09:00:00.000Z',
  completedAt: '2026-11-29T09:01:00.000Z', receiptsTakenAt: null, ...over,
});
let current = batch();

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  current = batch();
  vi.stubGlobal(
    'fetch',
    // The typed client passes a Request; authorizedFetch (downloads, CSV) passes a path.
    vi.fn(async (request: Request | string) => {
      const path = new URL(typeof request === 'string' ? request : request.url, 'http://localhost').pathname;
      if (path === '/auth/me') return json({ id: 'u', email: 'x', displayName: 'Y', role: 'caseworker', officeId: 'o1', officeCode: 'RAB', officeName: 'Rabat' });
      if (path === '/criteria') return json([]);
      if (path === '/intake/batches') return json([current]);
      if (path === `/intake/batches/${BATCH}`) return json(current);
      if (path === `/intake/batches/${BATCH}/errors`) return new Response('line,column,code\n5,birth_date,BIRTH_DATE_INVALID\n', { headers: { 'content-type': 'text/csv' } });
      if (path === `/intake/batches/${BATCH}/review`)
        return json([{ line: 6, latinName: 'Ama Serwaa', arabicName: null, birthYear: 1990, nationality: 'GH', category: 'work_contract', candidateApplicantIds: [PERSON], candidateLines: [2], matchedOn: ['document_number'] }]);
      return json({ status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

function renderPage() {
  const router = createMemoryRouter([{ path: '/app/intake', element: <IntakePage /> }], { initialEntries: [`/app/intake?batch=${BATCH}`] });
  return render(
    <AppProviders i18n={createAppI18n('fr')} client={makeQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('IntakePage', { timeout: 30_000 }, () => {
  it('explains a refused row in words, links a set-aside row to the person and the earlier line, offers the receipts once done', async () => {
    renderPage();
    const error = await screen.findByTestId('intake-error-row', {}, { timeout: 10_000 });
    expect(error).toHaveTextContent(words.codes.BIRTH_DATE_INVALID!);
    expect(error).toHaveTextContent('birth_date');
    const review = await screen.findByTestId('intake-review-row', {}, { timeout: 10_000 });
    expect(within(review).getByRole('link', { name: 'la personne enregistrée 1' })).toHaveAttribute('href', `/app/applicants/${PERSON}`);
    expect(review).toHaveTextContent('la ligne 2 du fichier');
    expect(screen.getByTestId('intake-count-imported')).toHaveTextContent('3');
    expect(screen.getByRole('button', { name: words.takeReceipts })).toBeEnabled();
  });

  it('while importing, shows the progress below 100% and keeps the receipts for later', async () => {
    current = batch({ status: 'importing', progress: 0.995, counts: { received: 5, invalid: 0, staged: 5, imported: 4, forReview: 0, pending: 1 }, completedAt: null });
    renderPage();
    expect(await screen.findByText('Import : 99 %', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(words.receiptsAfterImport)).toBeInTheDocument();
    expect(screen.getByText(words.noErrors)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: words.takeReceipts })).toBeNull();
  });
});
