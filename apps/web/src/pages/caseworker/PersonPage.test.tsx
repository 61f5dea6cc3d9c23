import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import { session } from '../../auth/session';
import { createAppI18n } from '../../i18n/app-i18n';
import { PERSON_RECORDS_MESSAGES } from '../../i18n/messages/person-records';
import { PersonPage } from './PersonPage';

const words = PERSON_RECORDS_MESSAGES.en;
const ID = '0c9a2a4e-1b3e-4a55-9b0e-1f2a3b4c5d6e';
const OTHER = '7d3b1c2a-9e8f-4a1b-8c2d-3e4f5a6b7c8d';
const staff = (role: string) => ({ id: 'u-1', email: 'x@x', displayName: 'Nadia', role, officeId: 'o1', officeCode: 'RAB', officeName: 'Rabat' });

const record = {
  id: ID, latinName: 'Mohamed Diallo', arabicName: null, birthDate: { year: 1990, month: 4, day: 17 }, sex: 'male', nationality: 'SN',
  phone: '+212612345678', email: null, preferredLanguage: 'fr', address: null, userId: null, mergedIntoId: null,
  documents: [{ id: 'd1', type: 'passport', number: 'A1234567', issuingCountry: 'SN', expiresOn: null }], applicationIds: ['f1'],
};
const candidate = { id: OTHER, latinName: 'Mohammed Diallo', arabicName: 'محمد ديالو', birthYear: 1990, nationality: 'SN', matchedOn: ['name_key'], nameSimilarity: 0.82, applicationCount: 2 };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });
const sent: { method: string; path: string; body: unknown }[] = [];
let role = 'caseworker';
let mergeAnswer: () => Response;

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  sent.length = 0;
  role = 'caseworker';
  mergeAnswer = () => json({ mergeId: 'm1', movedApplications: 2 }, 201);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method !== 'GET') sent.push({ method: request.method, path, body: await request.json() });
      if (path === '/auth/me') return json(staff(role));
      if (path === `/applicants/${ID}` && request.method === 'GET') return json(record);
      if (path === `/applicants/${ID}` && request.method === 'PATCH') return json({ ...record, latinName: 'Mohamed Diallo Sow' });
      if (path === `/applicants/${ID}/applications`) return json([{ id: 'f1', reference: 'MA-7K3Q-9XWD', kind: 'regularisation', category: 'work_contract', state: 'draft', createdAt: '2026-11-20T09:00:00.000Z', mayOpen: true }]);
      if (path === `/applicants/${ID}/corrections`) return json([{ id: 'c1', fields: ['latinName', 'preferredLanguage'], reason: 'Spelling as on the passport.', correctedBy: 'u-1', correctedAt: '2026-11-21T09:00:00.000Z' }]);
      if (path === `/applicants/${ID}/merges` && request.method === 'GET') return json([]);
      if (path === '/applicants/duplicate-search') return json([{ ...candidate, id: ID, latinName: 'Mohamed Diallo' }, candidate]);
      if (path === `/applicants/${ID}/merges`) return mergeAnswer();
      return json({ status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

function renderPage() {
  const router = createMemoryRouter([{ path: '/app/applicants/:id', element: <PersonPage /> }], { initialEntries: [`/app/applicants/${ID}`] });
  return render(
    <AppProviders i18n={createAppI18n('en')} client={makeQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('PersonPage', { timeout: 30_000 }, () => {
  it('shows the record, its files and the corrections in words', async () => {
    renderPage();
    expect(await screen.findByTestId('person-latin-name', {}, { timeout: 10_000 })).toHaveTextContent('Mohamed Diallo');
    expect(screen.getByText('17 April 1990')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'MA-7K3Q-9XWD' })).toHaveAttribute('href', '/app/cases/f1');
    expect(await screen.findByTestId('person-correction')).toHaveTextContent('Changed: Name (Latin letters), Preferred language');
    expect(screen.getByTestId('person-correction')).toHaveTextContent('by you');
  });

  it('lists the other record beside this one, not the record itself, with the differences marked; a caseworker cannot merge', async () => {
    renderPage();
    const cards = await screen.findAllByTestId('person-duplicate', {}, { timeout: 10_000 });
    expect(cards).toHaveLength(1);
    const rows = within(cards[0]!).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-likeness'))).toEqual(['differs', 'unknown', 'same', 'same']);
    expect(rows[0]).toHaveTextContent(words.personPage.differs);
    expect(screen.getByText(words.personPage.supervisorMerges)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: words.personPage.merge })).toBeNull();
  });

  it('lets a supervisor merge after saying what moves and why', async () => {
    role = 'supervisor';
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: words.personPage.merge }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: words.personPage.mergeTitle });
    expect(within(dialog).getByTestId('reason-dialog-what')).toHaveTextContent('Mohammed Diallo · محمد ديالو');
    expect(within(dialog).getByTestId('reason-dialog-what')).toHaveTextContent('its files (2)');
    const confirm = within(dialog).getByRole('button', { name: words.personPage.merge });
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Too short' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Same passport A1234567 on both records.' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(sent.filter((s) => s.path.endsWith('/merges'))).toEqual([{ method: 'POST', path: `/applicants/${ID}/merges`, body: { mergedId: OTHER, reason: 'Same passport A1234567 on both records.' } }]));
  });

  it('shows the problem the API answers to a merge, in the dialog', async () => {
    role = 'supervisor';
    mergeAnswer = () => json({ status: 422, code: 'CASES_MERGE_INVALID', title: 'Merge refused', detail: 'One of the two records was already merged.' }, 422);
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: words.personPage.merge }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Same passport A1234567 on both records.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: words.personPage.merge }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('One of the two records was already merged.');
  });

  it('corrects only the changed field, with the reason', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: words.correction.button }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: words.correction.title });
    fireEvent.change(within(dialog).getByLabelText('Name (Latin letters)'), { target: { value: 'Mohamed Diallo Sow' } });
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(new RegExp(words.correction.reason)), { target: { value: 'Second family name on the passport.' } });
    fireEvent.click(save);
    await waitFor(() => expect(sent.filter((s) => s.method === 'PATCH')).toEqual([{ method: 'PATCH', path: `/applicants/${ID}`, body: { latinName: 'Mohamed Diallo Sow', reason: 'Second family name on the passport.' } }]));
  });
});
