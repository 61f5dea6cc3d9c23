import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { AppProviders, makeQueryClient } from '../../app/AppProviders';
import type { components } from '../../api/schema';
import { createAppI18n } from '../../i18n/app-i18n';

type Office = components['schemas']['OfficeDto'];
type User = components['schemas']['UserDto'];
type DeadLetter = components['schemas']['DeadLetterDto'];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });

/**
 * A small in-memory stand-in for the admin routes, as the API answers them (the same shapes, the same refusals), so
 * that the pages' tests see what they sent and what the next list shows. Every request that changes something is
 * recorded with its method, path and body.
 */
export function fakeAdminApi(state: { offices?: Office[]; users?: User[]; deadLetters?: DeadLetter[]; openFiles?: Record<string, number> }) {
  const offices = [...(state.offices ?? [])];
  const users = [...(state.users ?? [])];
  const deadLetters = [...(state.deadLetters ?? [])];
  const sent: { method: string; path: string; body: unknown }[] = [];
  let next = 1;
  const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => json({ status, code, title: code, detail: code, ...extra }, status);

  const handle = async (request: Request | string, init?: RequestInit): Promise<Response> => {
    const method = typeof request === 'string' ? (init?.method ?? 'GET') : request.method;
    const path = new URL(typeof request === 'string' ? request : request.url, 'http://localhost').pathname;
    if (method === 'GET') {
      if (path === '/admin/offices') return json(offices);
      if (path === '/admin/users') return json(users);
      if (path === '/admin/notifications/dead-letters') return json({ items: deadLetters });
      return json({ status: 404 }, 404);
    }
    const text = typeof request === 'string' ? String(init?.body ?? '') : await request.text();
    const body = text ? JSON.parse(text) : null;
    sent.push({ method, path, body });
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/admin/offices') {
      if (offices.some((o) => o.code === body.code)) return problem(409, 'IDENTITY_OFFICE_CODE_TAKEN');
      const office = { id: `office-${next++}`, active: true, ...body };
      offices.push(office);
      return json(office, 201);
    }
    if ((m = path.match(/^\/admin\/offices\/([^/]+)(\/(deactivate|reactivate))?$/))) {
      const office = offices.find((o) => o.id === m![1]);
      if (!office) return problem(404, 'IDENTITY_OFFICE_NOT_FOUND');
      if (m[3] === 'deactivate' && (state.openFiles?.[office.id] ?? 0) > 0) return problem(409, 'IDENTITY_OFFICE_HAS_OPEN_FILES', { openFiles: state.openFiles![office.id] });
      if (m[3]) office.active = m[3] === 'reactivate';
      else Object.assign(office, body);
      return json(office);
    }
    if (method === 'POST' && path === '/admin/users') {
      const user = { id: `user-${next++}`, active: true, email: body.email, displayName: body.displayName, role: body.role, officeId: body.officeId };
      users.push(user);
      return json(user);
    }
    if ((m = path.match(/^\/admin\/users\/([^/]+)(\/deactivate)?$/))) {
      const user = users.find((u) => u.id === m![1]);
      if (!user) return problem(404, 'IDENTITY_USER_NOT_FOUND');
      if (m[2]) user.active = false;
      else Object.assign(user, { ...body, password: undefined });
      return json(user);
    }
    if ((m = path.match(/^\/admin\/notifications\/dead-letters\/([^/]+)\/retry$/))) {
      const i = deadLetters.findIndex((d) => d.id === m![1]);
      if (i < 0) return problem(404, 'NOTIFICATIONS_DEAD_LETTER_NOT_FOUND');
      deadLetters.splice(i, 1);
      return json({ retried: true }, 202);
    }
    return json({ status: 404 }, 404);
  };
  vi.stubGlobal('fetch', vi.fn(handle));
  return { sent, offices, users, deadLetters };
}

export function renderAdminPage(page: ReactElement, lang: 'en' | 'fr' | 'ar' | 'es' = 'en') {
  return render(
    <AppProviders i18n={createAppI18n(lang)} client={makeQueryClient()}>
      {page}
    </AppProviders>,
  );
}
