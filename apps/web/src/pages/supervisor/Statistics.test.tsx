import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import { session } from '../../auth/session';
import { createAppI18n } from '../../i18n/app-i18n';
import { fr } from '../../i18n/messages/fr';
import { Statistics } from './Statistics';

const FILES = {
  report: 'files', publication: false, refreshedAt: '2026-11-29T06:00:00.000Z', rowDimension: 'office', columnDimension: null, columns: ['count'],
  rows: [
    { key: 'RAB', label: 'Préfecture de Rabat', cells: { count: 1234 }, total: 1234 },
    { key: 'SAL', label: 'Préfecture de Salé', cells: { count: null }, total: null },
  ],
  columnTotals: { count: null }, grandTotal: null, suppressed: 2,
};

const requests: string[] = [];
beforeEach(() => {
  requests.length = 0;
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string) => {
      const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
      requests.push(url.pathname + url.search);
      if (url.searchParams.get('format') === 'csv') return new Response('office,count\r\n', { status: 200, headers: { 'content-type': 'text/csv' } });
      if (url.pathname === '/reports/files') return new Response(JSON.stringify(FILES), { status: 200, headers: { 'content-type': 'application/json' } });
      return new Response('{}', { status: 404 });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

function renderPage() {
  const router = createMemoryRouter([{ path: '/', element: <Statistics /> }]);
  return render(
    <AppProviders i18n={createAppI18n('fr')} client={makeQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('Statistics', () => {
  it('shows the numbers as a table in the user’s language, hidden counts as a dash, and says how many were hidden', async () => {
    renderPage();
    const table = await screen.findByTestId('report-table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Préfecture de Rabat');
    // Grouped the way the user's locale writes numbers (Morocco's French: 1.234), not the raw 1234.
    expect(rows[1]).toHaveTextContent(new Intl.NumberFormat('fr-MA').format(1234));
    expect(rows[1]).not.toHaveTextContent('1234');
    expect(rows[2]).toHaveTextContent('—');
    expect(screen.getByText(/masqués pour protéger les personnes : 2/)).toBeInTheDocument();
  });

  it('downloads the CSV from the API (where the export is audited), with the same parameters', async () => {
    renderPage();
    await screen.findByTestId('report-table');
    fireEvent.click(screen.getByRole('button', { name: fr.stats.csv }));
    await waitFor(() => expect(requests).toContain('/reports/files?format=csv&publication=false&rows=office'));
  });

  it('asks for publication figures when switched on', async () => {
    renderPage();
    await screen.findByTestId('report-table');
    fireEvent.click(screen.getByRole('switch', { name: new RegExp(fr.stats.publication) }));
    await waitFor(() => expect(requests.some((r) => r.startsWith('/reports/files') && r.includes('publication=true'))).toBe(true));
  });
});
