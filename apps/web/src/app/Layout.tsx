import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { openQueueDashboard } from '../api/queue-dashboard';
import { useMe, useSignOut, type Me } from '../auth/use-auth';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { notify } from '../ui/notify';

interface NavItem {
  to: string;
  label: string;
  external?: boolean;
}

function navFor(role: Me['role'] | undefined, t: (k: string) => string): NavItem[] {
  switch (role) {
    case 'applicant':
      return [
        { to: '/my', label: t('nav.myFiles') },
        { to: '/my/notifications', label: t('nav.notifications') },
        { to: '/my/data', label: t('myData.nav') },
        { to: '/status', label: t('nav.statusCheck'), external: true },
      ];
    case 'caseworker':
      return [
        { to: '/app/queue', label: t('nav.queue') },
        { to: '/app/register', label: t('nav.register') },
        { to: '/app/intake', label: t('intake.nav') },
      ];
    case 'supervisor':
      return [
        { to: '/app/supervision', label: t('nav.supervision') },
        { to: '/app/queue', label: t('nav.queue') },
        { to: '/app/statistics', label: t('nav.statistics') },
        { to: '/app/audit', label: t('nav.audit') },
        { to: '/app/intake', label: t('intake.nav') },
        { to: '/app/criteria', label: t('criteria.nav') },
      ];
    case 'admin':
      return [
        { to: '/app/admin/users', label: t('nav.users') },
        { to: '/app/admin/offices', label: t('nav.offices') },
        { to: '/app/admin/dead-letters', label: t('nav.deadLetters') },
        { to: '/app/criteria', label: t('criteria.nav') },
        { to: '/admin/queues', label: t('nav.queues'), external: true },
      ];
    default:
      return [
        { to: '/status', label: t('nav.statusCheck'), external: true },
        { to: '/login', label: t('nav.signIn') },
      ];
  }
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navFor(me.data?.role, t);
  const hasNav = Boolean(me.data);
  // Mantine slides the closed menu off the screen on a phone; inert keeps its links out of the tab order too.
  const phone = useMediaQuery('(max-width: 48em)');
  const navHidden = Boolean(phone) && !opened;

  useEffect(close, [location.pathname, close]);

  const onSignOut = async () => {
    await signOut();
    navigate('/login');
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={hasNav ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <a className="masar-skip" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {hasNav && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="md" aria-label={t('nav.menu')} />}
            <Anchor component={Link} to="/" fw={700} c="masar.8" size="lg" underline="never" className="masar-touch" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" fill="currentColor" /><path d="M7 23V9l9 8 9-8v14" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" /></svg>
              Masar
              <VisuallyHidden>{t('common.home')}</VisuallyHidden>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" visibleFrom="md" c="dimmed" data-testid="whoami">
                {me.data.displayName} · {t(`roles.${me.data.role}`)}
                {me.data.officeCode ? ` · ${me.data.officeCode}` : ''}
              </Text>
            )}
            <LanguageSwitcher />
            {me.data ? (
              // On a phone the header has no room for it: the button is in the menu there.
              <Button variant="default" visibleFrom="sm" onClick={onSignOut}>
                {t('nav.signOut')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      {hasNav && (
        <AppShell.Navbar p="sm" aria-label={t('nav.main')} inert={navHidden}>
          <Stack gap={4} component="nav" aria-label={t('nav.main')}>
            {items.map((item) =>
              item.to === '/admin/queues' ? (
                <NavLink
                  key={item.to}
                  component="button"
                  label={item.label}
                  className="masar-touch"
                  onClick={() => void openQueueDashboard().catch((e) => notify({ color: 'red', message: (e as Error).message }))}
                />
              ) : item.external ? (
                <NavLink key={item.to} href={item.to} label={item.label} className="masar-touch" />
              ) : (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={location.pathname === item.to || (item.to !== '/my' && location.pathname.startsWith(item.to + '/'))}
                  aria-current={location.pathname === item.to ? 'page' : undefined}
                  className="masar-touch"
                />
              ),
            )}
            <NavLink component="button" label={t('nav.signOut')} className="masar-touch" hiddenFrom="sm" onClick={() => void onSignOut()} />
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
