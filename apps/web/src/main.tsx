/**
 * The one entry point. The public status page is the most visited page of a campaign, often on a phone on a slow
 * connection: it loads its own small chunk (React and plain CSS); the staff and applicant screens, with Mantine,
 * charts and the workflow diagram, load only for the other addresses.
 */
const root = document.getElementById('root')!;
const path = window.location.pathname;

if (path === '/status' || path.startsWith('/status/')) {
  void import('./status/mount').then((m) => m.mountStatusPage(root));
} else {
  void import('./app/mount').then((m) => m.mountApp(root));
}
