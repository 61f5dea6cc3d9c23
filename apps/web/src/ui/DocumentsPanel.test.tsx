import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../app/AppProviders';
import { session } from '../auth/session';
import { createAppI18n } from '../i18n/app-i18n';
import { ar } from '../i18n/messages/ar';
import { en } from '../i18n/messages/en';
import { DocumentsPanel } from './DocumentsPanel';

const ID = '0b7e6c2a-5f1d-4e8a-9c3b-2d4f6a8b0c1e';
const item = (kind: string, datesNeeded: ('issuedOn' | 'expiresOn')[]) => ({ kind, required: true, status: 'missing', inReview: false, reason: null, detail: null, documentIds: [], datesNeeded });
/** A residence file: the identity document must still be valid, the proof of residence old enough, the photo has no date. */
const CHECKLIST = { complete: false, items: [item('identity_document', ['expiresOn']), item('photo', []), item('proof_of_residence', ['issuedOn'])] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let uploads: URL[];
beforeEach(() => {
  session.store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  uploads = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const url = new URL(path, 'http://masar.test');
      if (url.pathname === `/applications/${ID}/documents` && init.method === 'POST') {
        uploads.push(url);
        return json({ id: 'd1', kind: url.searchParams.get('kind'), contentType: 'application/pdf', sizeBytes: 4, status: 'pending_check' }, 201);
      }
      if (url.pathname === `/applications/${ID}/documents`) return json(CHECKLIST);
      return json({ status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

function renderPanel(lang: 'en' | 'ar', simple: boolean) {
  return render(
    <AppProviders i18n={createAppI18n(lang)} client={makeQueryClient()}>
      <DocumentsPanel applicationId={ID} canUpload simple={simple} />
    </AppProviders>,
  );
}

const exactly = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

async function pickKind(label: string, kindName: string) {
  fireEvent.click(await screen.findByRole('combobox', { name: exactly(label) }));
  fireEvent.click(await screen.findByRole('option', { name: kindName, hidden: true }));
}

const fileInputs = (container: HTMLElement) => [...container.querySelectorAll<HTMLInputElement>('input[type="file"]')];
const pdf = () => new File(['%PDF'], 'passport.pdf', { type: 'application/pdf' });

// Mantine and the first render take a few seconds on a busy machine.
describe('DocumentsPanel on a phone', { timeout: 20_000 }, () => {
  it('offers the camera and an existing file as two separate, big actions', async () => {
    const { container } = renderPanel('ar', true);
    await screen.findByTestId('checklist');
    expect(screen.getByRole('button', { name: ar.documents.takePhoto })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: ar.documents.chooseFile })).toBeInTheDocument();
    const [camera, chooser] = fileInputs(container);
    // The camera input asks for a photo; the other one has no capture, so Android offers its files, PDFs included.
    expect(camera).toHaveAttribute('capture', 'environment');
    expect(camera).toHaveAttribute('accept', 'image/*');
    expect(chooser).not.toHaveAttribute('capture');
    expect(chooser!.getAttribute('accept')).toContain('application/pdf');
    expect(chooser!.getAttribute('accept')).toContain('image/*');
  });

  it('asks an applicant for the expiry of an identity document, and sends it with the file', async () => {
    const { container } = renderPanel('en', true);
    await pickKind(en.documents.which, en.documentKinds.identity_document);
    const expiry = await screen.findByLabelText(exactly(en.documents.expiryDate));
    expect(expiry).toHaveAttribute('type', 'date');
    expect(screen.queryByLabelText(exactly(en.documents.dateOnDocument))).toBeNull();
    fireEvent.change(fileInputs(container)[1]!, { target: { files: [pdf()] } });
    expect(screen.getByTestId('chosen-file')).toHaveTextContent('passport.pdf');
    const send = screen.getByRole('button', { name: en.documents.send });
    // Without the date the checks would hold the document for a person to look at: the form waits for it.
    expect(send).toBeDisabled();
    fireEvent.change(expiry, { target: { value: '2031-05-01' } });
    expect(send).toBeEnabled();
    fireEvent.click(send);
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(Object.fromEntries(uploads[0]!.searchParams)).toEqual({ kind: 'identity_document', expiresOn: '2031-05-01' });
  });

  it('asks for the date written on a proof of residence (not after today), and for no date with a photo', async () => {
    const { container } = renderPanel('en', true);
    await pickKind(en.documents.which, en.documentKinds.proof_of_residence);
    const dated = await screen.findByLabelText(exactly(en.documents.dateOnDocument));
    expect(dated).toHaveAttribute('max', new Date().toISOString().slice(0, 10));
    expect(screen.queryByLabelText(exactly(en.documents.expiryDate))).toBeNull();

    await pickKind(en.documents.which, en.documentKinds.photo);
    await waitFor(() => expect(screen.queryByLabelText(exactly(en.documents.dateOnDocument))).toBeNull());
    expect(container.querySelectorAll('input[type="date"]')).toHaveLength(0);
    fireEvent.change(fileInputs(container)[0]!, { target: { files: [new File(['jpeg'], 'photo.jpg', { type: 'image/jpeg' })] } });
    fireEvent.click(screen.getByRole('button', { name: en.documents.send }));
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(Object.fromEntries(uploads[0]!.searchParams)).toEqual({ kind: 'photo' });
  });

  it('lets a caseworker record either date, whatever the kind', async () => {
    renderPanel('en', false);
    await pickKind(en.documents.which, en.documentKinds.photo);
    expect(screen.getByLabelText(en.documents.issuedOn)).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText(en.documents.expiresOn)).toHaveAttribute('type', 'date');
  });
});
