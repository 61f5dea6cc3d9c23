import { authorizedFetch } from './client';

/**
 * Opens the queue dashboard (bull-board) in a new tab. Its pages cannot carry a bearer token, so the API first turns
 * this admin's token into an HttpOnly cookie scoped to /admin/queues (POST /admin/queues-session).
 */
export async function openQueueDashboard(): Promise<void> {
  const tab = window.open('about:blank', '_blank');
  try {
    await authorizedFetch('/admin/queues-session', { method: 'POST' });
  } catch (e) {
    tab?.close();
    throw e;
  }
  if (tab) tab.location.href = '/admin/queues';
  else window.location.href = '/admin/queues';
}
