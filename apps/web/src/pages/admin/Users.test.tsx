import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../auth/session';
import { en } from '../../i18n/messages/en';
import { fakeAdminApi, renderAdminPage } from './admin-test-api';
import { Users } from './Users';

const offices = [
  { id: 'rab', code: 'RAB', name: 'Préfecture de Rabat', regionCode: 'RSK', kind: 'prefecture' as const, active: true },
  { id: 'cas', code: 'CAS', name: 'Préfecture de Casablanca', regionCode: 'CS', kind: 'prefecture' as const, active: true },
  { id: 'old', code: 'OLD', name: 'Bureau fermé', regionCode: 'CS', kind: 'province' as const, active: false },
];
const YOUSSEF = { id: 'youssef', email: 'youssef@masar.example', displayName: 'Youssef Caseworker', role: 'caseworker' as const, officeId: 'rab', active: true };
let api: ReturnType<typeof fakeAdminApi>;

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  api = fakeAdminApi({ offices, users: [{ ...YOUSSEF }] });
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  session.clear();
});

const row = async (text: string) => (await screen.findByText(text)).closest('tr')!;
/** Opens a Mantine select by its label and picks the option. */
async function pick(dialog: HTMLElement, label: string, option: string) {
  fireEvent.click(within(dialog).getByLabelText(new RegExp(`^${label}`)));
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('Users page', { timeout: 30_000 }, () => {
  it('lists the users with their role, office code and status', async () => {
    renderAdminPage(<Users />);
    const youssef = await row('Youssef Caseworker');
    expect(youssef).toHaveTextContent(en.roles.caseworker);
    await waitFor(() => expect(youssef).toHaveTextContent('RAB'));
    expect(youssef).toHaveTextContent(en.admin.active);
  });

  it('creates a staff user in an active office (a deactivated office is not offered)', async () => {
    renderAdminPage(<Users />);
    await row('Youssef Caseworker');
    fireEvent.click(screen.getByRole('button', { name: en.admin.newUser }));
    const dialog = await screen.findByRole('dialog', { name: en.admin.newUser });
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${en.login.email}`)), { target: { value: 'salma@masar.example' } });
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${en.admin.displayName}`)), { target: { value: 'Salma Supervisor' } });
    await pick(dialog, en.admin.role, en.roles.supervisor);
    fireEvent.click(within(dialog).getByLabelText(new RegExp(`^${en.admin.office}`)));
    const choices = (await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent);
    expect(choices).toEqual(expect.arrayContaining(['RAB · Préfecture de Rabat', 'CAS · Préfecture de Casablanca']));
    expect(choices).not.toContain('OLD · Bureau fermé');
    fireEvent.click(screen.getByRole('option', { name: 'CAS · Préfecture de Casablanca', hidden: true }));
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${en.login.password}`)), { target: { value: 'a-long-enough-password' } });
    fireEvent.click(within(dialog).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]).toEqual({
      method: 'POST',
      path: '/admin/users',
      body: { email: 'salma@masar.example', displayName: 'Salma Supervisor', role: 'supervisor', officeId: 'cas', password: 'a-long-enough-password' },
    });
    const salma = await row('Salma Supervisor');
    expect(salma).toHaveTextContent(en.roles.supervisor);
    expect(salma).toHaveTextContent('CAS');
  });

  it('changes a user\'s role and office, sending no password when none is typed', async () => {
    renderAdminPage(<Users />);
    fireEvent.click(within(await row('Youssef Caseworker')).getByRole('button', { name: `${en.common.edit} Youssef Caseworker` }));
    const dialog = await screen.findByRole('dialog', { name: en.common.edit });
    expect(within(dialog).getByLabelText(new RegExp(`^${en.login.email}`))).toBeDisabled();
    await pick(dialog, en.admin.role, en.roles.supervisor);
    await pick(dialog, en.admin.office, 'CAS · Préfecture de Casablanca');
    fireEvent.click(within(dialog).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]).toEqual({ method: 'PATCH', path: '/admin/users/youssef', body: { displayName: 'Youssef Caseworker', role: 'supervisor', officeId: 'cas' } });
    const youssef = await row('Youssef Caseworker');
    await waitFor(() => expect(youssef).toHaveTextContent(en.roles.supervisor));
    expect(youssef).toHaveTextContent('CAS');
  });

  it('deactivates a user after confirmation, and not without it', async () => {
    vi.mocked(window.confirm).mockReturnValueOnce(false);
    renderAdminPage(<Users />);
    const deactivate = within(await row('Youssef Caseworker')).getByRole('button', { name: `${en.admin.deactivate} Youssef Caseworker` });
    fireEvent.click(deactivate);
    expect(api.sent).toEqual([]);
    fireEvent.click(deactivate);
    await waitFor(() => expect(api.sent).toEqual([{ method: 'POST', path: '/admin/users/youssef/deactivate', body: null }]));
    await waitFor(async () => expect(await row('Youssef Caseworker')).toHaveTextContent(en.admin.inactive));
    expect(screen.queryByRole('button', { name: `${en.admin.deactivate} Youssef Caseworker` })).toBeNull();
  });
});
