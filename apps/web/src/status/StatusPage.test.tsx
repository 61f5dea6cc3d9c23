import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATUS_MESSAGES } from '../i18n/status.messages';
import { StatusPage } from './StatusPage';

const ANSWER_AR = {
  reference: 'MA-7K3Q-9XWD',
  language: 'ar',
  direction: 'rtl',
  application: 'تسوية الوضعية',
  office: 'عمالة الرباط',
  stage: { code: 'documents_needed', title: 'ملفك ينقصه وثائق.' },
  toDo: [{ action: 'provide_documents', text: 'أحضر صورة قبل 15 يناير 2027.', documents: ['صورة'], dueOn: '2027-01-15' }],
  nextStep: 'سندرس ملفك.',
};

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/status?ref=MA-7K3Q-9XWD&lang=ar');
});
afterEach(() => vi.unstubAllGlobals());

describe('StatusPage', () => {
  it('opens from the QR code in Arabic, right to left, with the reference filled in and the code to type', () => {
    render(<StatusPage />);
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByLabelText(STATUS_MESSAGES.ar.reference)).toHaveValue('MA-7K3Q-9XWD');
    expect(screen.getByLabelText(STATUS_MESSAGES.ar.accessCode)).toHaveFocus();
  });

  it('asks for the code before calling the API', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(<StatusPage />);
    fireEvent.click(screen.getByRole('button', { name: STATUS_MESSAGES.ar.show }));
    expect(await screen.findByRole('alert')).toHaveTextContent(STATUS_MESSAGES.ar.required);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the stage and what to do, and forgets the code once answered', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(ANSWER_AR), { status: 200, headers: { 'content-type': 'application/json' } })));
    render(<StatusPage />);
    fireEvent.change(screen.getByLabelText(STATUS_MESSAGES.ar.accessCode), { target: { value: 'H4TRP-X9M2K' } });
    fireEvent.click(screen.getByRole('button', { name: STATUS_MESSAGES.ar.show }));
    expect(await screen.findByTestId('status-stage')).toHaveTextContent('ملفك ينقصه وثائق.');
    expect(screen.getByText('أحضر صورة قبل 15 يناير 2027.')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('H4TRP-X9M2K');
  });

  it('gives one plain answer for a wrong code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"status":404}', { status: 404, headers: { 'content-type': 'application/problem+json' } })));
    render(<StatusPage />);
    fireEvent.change(screen.getByLabelText(STATUS_MESSAGES.ar.accessCode), { target: { value: 'WRONG' } });
    fireEvent.click(screen.getByRole('button', { name: STATUS_MESSAGES.ar.show }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(STATUS_MESSAGES.ar.notFound));
  });

  it('switches to French and left to right', () => {
    render(<StatusPage />);
    fireEvent.change(screen.getByLabelText(STATUS_MESSAGES.ar.language), { target: { value: 'fr' } });
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(STATUS_MESSAGES.fr.title);
    expect(window.localStorage.getItem('masar.language')).toBe('fr');
  });
});
