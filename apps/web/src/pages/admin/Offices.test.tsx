import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../auth/session';
import { en } from '../../i18n/messages/en';
import { fr } from '../../i18n/messages/fr';
import { fakeAdminApi, renderAdminPage } from './admin-test-api';
import { Offices } from './Offices';

const RAB = { id: 'rab', code: 'RAB', name: 'Préfecture de Rabat', regionCode: 'RSK', kind: 'prefecture' as const, active: true };
const KEN = { id: 'ken', code: 'KEN', name: 'Province de Kénitra', regionCode: 'RSK', kind: 'province' as const, active: true };
let api: ReturnType<typeof fakeAdminApi>;

beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  api = fakeAdminApi({ offices: [{ ...RAB }, { ...KEN }], openFiles: { rab: 3 } });
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  session.clear();
});

const row = async (code: string) => (await screen.findByText(code)).closest('tr')!;

// Generous: the dialogs render Mantine's full form, slow on a loaded machine.
describe('Offices page', { timeout: 30_000 }, () => {
  it('lists the offices with their kind, region and status', async () => {
    renderAdminPage(<Offices />);
    const rabat = await row('RAB');
    expect(rabat).toHaveTextContent('Préfecture de Rabat');
    expect(rabat).toHaveTextContent(en.admin.officeKinds.prefecture);
    expect(rabat).toHaveTextContent(en.admin.active);
    expect(await row('KEN')).toHaveTextContent(en.admin.officeKinds.province);
  });

  it('creates an office through its dialog and shows it in the list', async () => {
    renderAdminPage(<Offices />);
    await row('RAB');
    fireEvent.click(screen.getByRole('button', { name: en.admin.newOffice }));
    const dialog = await screen.findByRole('dialog', { name: en.admin.newOffice });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${en.admin.code}`) }), { target: { value: 'ben' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${en.admin.name}`) }), { target: { value: 'Province de Béni Mellal' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${en.admin.region}`) }), { target: { value: 'bk' } });
    fireEvent.click(within(dialog).getByLabelText(en.admin.officeKind));
    fireEvent.click(await screen.findByRole('option', { name: en.admin.officeKinds.province, hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: en.admin.newOffice })).toBeNull(), { timeout: 5000 });
    expect(api.sent).toEqual([{ method: 'POST', path: '/admin/offices', body: { code: 'BEN', name: 'Province de Béni Mellal', regionCode: 'BK', kind: 'province' } }]);
    expect(await row('BEN')).toHaveTextContent(en.admin.officeKinds.province);
  });

  it('says so in the page language when the code is taken', async () => {
    renderAdminPage(<Offices />, 'fr');
    await row('RAB');
    fireEvent.click(screen.getByRole('button', { name: fr.admin.newOffice }));
    const dialog = await screen.findByRole('dialog', { name: fr.admin.newOffice });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${fr.admin.code}`) }), { target: { value: 'RAB' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${fr.admin.name}`) }), { target: { value: 'Autre Rabat' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${fr.admin.region}`) }), { target: { value: 'RSK' } });
    fireEvent.click(within(dialog).getByRole('button', { name: fr.common.save }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(fr.admin.officeCodeTaken);
    expect(api.offices).toHaveLength(2);
  });

  it('edits the name and region of an office, its code and kind fixed', async () => {
    renderAdminPage(<Offices />);
    fireEvent.click(within(await row('KEN')).getByRole('button', { name: `${en.common.edit} KEN` }));
    const dialog = await screen.findByRole('dialog', { name: en.admin.editOffice });
    expect(within(dialog).getByRole('textbox', { name: new RegExp(`^${en.admin.code}`) })).toBeDisabled();
    expect(within(dialog).getByLabelText(en.admin.officeKind)).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: new RegExp(`^${en.admin.name}`) }), { target: { value: 'Préfecture de Kénitra' } });
    fireEvent.click(within(dialog).getByRole('button', { name: en.common.save }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: en.admin.editOffice })).toBeNull(), { timeout: 5000 });
    expect(api.sent).toEqual([{ method: 'PATCH', path: '/admin/offices/ken', body: { name: 'Préfecture de Kénitra', regionCode: 'RSK' } }]);
    expect(await screen.findByText('Préfecture de Kénitra')).toBeInTheDocument();
  });

  it('deactivates an office after confirmation and reactivates it', async () => {
    renderAdminPage(<Offices />);
    fireEvent.click(within(await row('KEN')).getByRole('button', { name: `${en.admin.deactivate} KEN` }));
    expect(window.confirm).toHaveBeenCalledWith(en.admin.confirmDeactivateOffice.replace('{{name}}', KEN.name));
    const reactivate = await screen.findByRole('button', { name: `${en.admin.reactivate} KEN` });
    expect(await row('KEN')).toHaveTextContent(en.admin.inactive);
    fireEvent.click(reactivate);
    expect(await screen.findByRole('button', { name: `${en.admin.deactivate} KEN` })).toBeInTheDocument();
    expect(api.sent.map((s) => s.path)).toEqual(['/admin/offices/ken/deactivate', '/admin/offices/ken/reactivate']);
  });

  it('sends nothing when the confirmation is declined, and shows how many files keep an office open', async () => {
    vi.mocked(window.confirm).mockReturnValueOnce(false);
    renderAdminPage(<Offices />);
    fireEvent.click(within(await row('RAB')).getByRole('button', { name: `${en.admin.deactivate} RAB` }));
    expect(api.sent).toEqual([]);
    fireEvent.click(within(await row('RAB')).getByRole('button', { name: `${en.admin.deactivate} RAB` }));
    expect((await screen.findByText(en.admin.officeHasOpenFiles.replace('{{count}}', '3'))).closest('[role=alert]')).not.toBeNull();
    expect(await row('RAB')).toHaveTextContent(en.admin.active);
  });
});
