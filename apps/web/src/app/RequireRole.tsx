import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { homeOf, useMe, type Me } from '../auth/use-auth';

/** Screens for some roles only; the API refuses the rest anyway, this only spares the user a page of errors. */
export function RequireRole({ roles }: { roles: Me['role'][] }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isPending) return <Center h="40vh"><Loader aria-label={t('common.loading')} /></Center>;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(me.data.role)) return <Navigate to={homeOf(me.data.role)} replace />;
  return <Outlet />;
}
