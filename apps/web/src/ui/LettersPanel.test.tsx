import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/messages/en';
import { json, mockApi, renderAt, resetApi, type SeenRequest } from '../test/page-harness';
import { LettersPanel } from './LettersPanel';

const APP = '6f1c1f0e-4a8f-4d8e-9d55-0f6a1b2c3d4e';
const LETTERS = [
  { id: 'l-receipt', kind: 'receipt', language: 'fr', issuedAt: '2026-11-20T09:00:00.000Z', decisionId: null },
  { id: 'l-decision', kind: 'decision', language: 'ar', issuedAt: '2026-11-28T09:00:00.000Z', decisionId: 'd1' },
];

let seen: SeenRequest[];
let letters: unknown[];
const saved: { href: string; download: string }[] = [];
beforeEach(() => {
  letters = LETTERS;
  saved.length = 0;
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:letter', revokeObjectURL: () => undefined }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
  seen = mockApi((r) => {
    if (r.path === `/applications/${APP}/letters`) return json(letters);
    if (r.path.startsWith('/letters/') && r.path.endsWith('/content')) return new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } });
    return undefined;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  resetApi();
});

describe('LettersPanel', () => {
  it('lists the receipt and the decision letter with their language, and downloads the one asked for', async () => {
    renderAt(<LettersPanel applicationId={APP} reference="MA-7K3Q-9XWD" />);
    const list = await screen.findByTestId('letters');
    expect(list).toHaveTextContent(en.letters.receipt);
    expect(list).toHaveTextContent(en.letters.decision);
    expect(list).toHaveTextContent('Français');
    expect(list).toHaveTextContent('العربية');
    const buttons = within(list).getAllByRole('button', { name: en.letters.download });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1]);
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:letter', download: 'MA-7K3Q-9XWD-decision.pdf' }]));
    const download = seen.filter((r) => r.path.startsWith('/letters/'));
    expect(download.map((r) => r.path)).toEqual(['/letters/l-decision/content']);
    expect(download[0].headers.get('authorization')).toBe('Bearer a');
  });

  it('says when no letter was issued yet', async () => {
    letters = [];
    renderAt(<LettersPanel applicationId={APP} reference="MA-7K3Q-9XWD" />);
    expect(await screen.findByText(en.letters.none)).toBeInTheDocument();
  });
});
