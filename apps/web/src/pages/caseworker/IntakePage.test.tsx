import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
  counts: { received: 5, invalid: 1, staged: 4, imported: 3, forReview: 1, pending: 0, reviewRegistered: 0, reviewAttached: 0, reviewDiscarded: 0, reviewOpen: 1 },
  progress: 1, createdAt: '2026-11-29T09:00:00.000Z', completedAt: '2026-11-29T09:01:00.000Z', receiptsTakenAt: null, failure: null, resumedCount: 0, ...over,
});
const reviewItem = (over: Record<string, unknown> = {}) => ({
  line: 6, latinName: 'Ama Serwaa', arabicName: null, birthYear: 1990, nationality: 'GH', category: 'work_contract', candidateApplicantIds: [PERSON], candidateLines: [2],
  earlierLineApplicantIds: [], matchedOn: ['document_number'], decision: null, ...over,
});
let current = batch();
let reviewed = reviewItem();
/** The requests the page sent that change something: method, path and body. */
let sent: { method: string; path: string; body: unknown }[] = [];

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  current = batch();
  reviewed = reviewItem();
  sent = [];
  vi.stubGlobal(
    'fetch',
    // The typed client passes a Request; authorizedFetch (downloads, CSV) passes a path.
    vi.fn(async (request: Request | string) => {
      const path = new URL(typeof request === 'string' ? request : request.url, 'http://localhost').pathname;
      if (typeof request !== 'string' && request.method === 'POST') {
        const text = await request.text();
        sent.push({ method: 'POST', path, body: text ? JSON.parse(text) : null });
        if (path === `/intake/batches/${BATCH}/resume`) {
          current = batch({ status: 'importing', failure: null, resumedCount: 1, progress: 0.5, completedAt: null });
          return json(current, 202);
        }
        if (path === `/intake/batches/${BATCH}/review/6/decision` && sent.at(-1)!.body && (sent.at(-1)!.body as { decision: string }).decision === 'attach') {
          // The receipts were taken: the file's code comes in the answer, once.
          const made = { applicantId: PERSON, applicationId: 'f1', reference: 'MA-7K3P-Q9XZ' };
          reviewed = reviewItem({ decision: { decision: 'attached', decidedAt: '2026-11-29T10:00:00.000Z', decidedBy: 'u', ...made } });
          current = batch({ receiptsTakenAt: '2026-11-29T09:30:00.000Z', counts: { ...batch().counts, reviewAttached: 1, reviewOpen: 0 } });
          return json({ line: 6, decision: 'attached', ...made, accessCode: '7215N-G7XAN' });
        }
        if (path === `/intake/batches/${BATCH}/review/6/decision`) {
          reviewed = reviewItem({ decision: { decision: 'discarded', decidedAt: '2026-11-29T10:00:00.000Z', decidedBy: 'u', applicantId: null, applicationId: null, reference: null } });
          current = batch({ counts: { ...batch().counts, reviewDiscarded: 1, reviewOpen: 0 } });
          return json({ line: 6, decision: 'discarded', applicantId: null, applicationId: null, reference: null, accessCode: null });
        }
      }
      if (path === '/auth/me') return json({ id: 'u', email: 'x', displayName: 'Y', role: 'caseworker', officeId: 'o1', officeCode: 'RAB', officeName: 'Rabat' });
      if (path === '/criteria') return json([]);
      if (path === '/intake/batches') return json([current]);
      if (path === `/intake/batches/${BATCH}`) return json(current);
      if (path === `/intake/batches/${BATCH}/errors`) return new Response('line,column,code\n5,birth_date,BIRTH_DATE_INVALID\n', { headers: { 'content-type': 'text/csv' } });
      if (path === `/intake/batches/${BATCH}/review`) return json([reviewed]);
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

  it('says why a failed import stopped and what it kept, and resumes it', async () => {
    current = batch({
      status: 'failed',
      progress: 0.4,
      completedAt: null,
      counts: { ...batch().counts, imported: 2, forReview: 0, pending: 2, reviewOpen: 0 },
      failure: { code: 'INTAKE_IMPORT_REFUSED', detail: 'CASES_UNKNOWN_CATEGORY: Category "x" is not part of criteria MA-2016.', failedAt: '2026-11-29T09:30:00.000Z' },
    });
    renderPage();
    const failure = await screen.findByTestId('intake-failure', {}, { timeout: 10_000 });
    expect(failure).toHaveTextContent(words.failure.title);
    expect(failure).toHaveTextContent(words.failure.codes.INTAKE_IMPORT_REFUSED!);
    expect(failure).toHaveTextContent('2 dossiers ont été créés');
    expect(failure).toHaveTextContent('2 lignes restent à importer');
    expect(failure).toHaveTextContent('CASES_UNKNOWN_CATEGORY');
    expect(screen.getByTestId('intake-batch-status')).toHaveTextContent(words.statuses.failed);
    expect(screen.getByText(words.receiptsAfterImport)).toBeInTheDocument();
    fireEvent.click(within(failure).getByRole('button', { name: words.failure.resume }));
    await waitFor(() => expect(screen.getByTestId('intake-batch-status')).toHaveTextContent(words.statuses.importing), { timeout: 10_000 });
    expect(sent).toEqual([{ method: 'POST', path: `/intake/batches/${BATCH}/resume`, body: null }]);
    expect(screen.queryByTestId('intake-failure')).toBeNull();
  });

  it('decides a set-aside row in a dialog: the reason is asked before a discard, the decision then shows in the list', async () => {
    renderPage();
    const row = await screen.findByTestId('intake-review-row', {}, { timeout: 10_000 });
    fireEvent.click(within(row).getByRole('button', { name: 'Ligne 6 : votre décision' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ligne 6 : votre décision' });
    const confirm = within(dialog).getByRole('button', { name: words.decision.confirm });
    expect(confirm).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('radio', { name: words.decision.discard }));
    expect(within(dialog).getByText(words.decision.reasonRequired)).toBeInTheDocument();
    const reason = within(dialog).getByRole('textbox', { name: new RegExp(words.decision.reason) });
    fireEvent.change(reason, { target: { value: 'ok' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(reason, { target: { value: 'Listed twice by the association' } });
    expect(confirm).toBeEnabled();
    // The person to attach to is offered only for an attachment.
    expect(within(dialog).queryByLabelText(new RegExp(`^${words.decision.person}`))).toBeNull();
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('intake-review-decision')).toHaveTextContent(words.decision.decided.discarded), { timeout: 10_000 });
    expect(sent).toEqual([{ method: 'POST', path: `/intake/batches/${BATCH}/review/6/decision`, body: { decision: 'discard', reason: 'Listed twice by the association' } }]);
    expect(screen.getByTestId('intake-review-counts')).toHaveTextContent(`${words.counts.reviewDiscarded}: 1`);
  });

  it('attaches a row to a person found without asking a reason, and shows the new code once the receipts were taken', async () => {
    current = batch({ receiptsTakenAt: '2026-11-29T09:30:00.000Z' });
    renderPage();
    const row = await screen.findByTestId('intake-review-row', {}, { timeout: 10_000 });
    fireEvent.click(within(row).getByRole('button', { name: 'Ligne 6 : votre décision' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ligne 6 : votre décision' });
    fireEvent.click(within(dialog).getByRole('radio', { name: words.decision.attach }));
    expect(within(dialog).getByText(words.decision.reasonOptional)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: words.decision.confirm })).toBeDisabled();
    fireEvent.click(within(dialog).getByLabelText(new RegExp(`^${words.decision.person}`)));
    fireEvent.click(await screen.findByRole('option', { name: 'Personne enregistrée 1' }));
    fireEvent.click(within(dialog).getByRole('button', { name: words.decision.confirm }));
    // The row's decision replaces its button; the code stays in view until dismissed.
    await waitFor(() => expect(screen.getByTestId('intake-review-decision')).toHaveTextContent(words.decision.decided.attached), { timeout: 10_000 });
    expect(sent.at(-1)).toEqual({ method: 'POST', path: `/intake/batches/${BATCH}/review/6/decision`, body: { decision: 'attach', applicantId: PERSON } });
    expect(screen.getByTestId('intake-decision-code')).toHaveTextContent('MA-7K3P-Q9XZ');
    expect(screen.getByTestId('intake-decision-code')).toHaveTextContent('7215N-G7XAN');
    expect(within(screen.getByTestId('intake-review-decision')).getByRole('link', { name: 'Dossier MA-7K3P-Q9XZ' })).toHaveAttribute('href', '/app/cases/f1');
  });
});
