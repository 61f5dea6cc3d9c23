import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { homeOf, useMe } from '../auth/use-auth';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';
import { RouteError } from './RouteError';

function Home() {
  const me = useMe();
  if (me.isPending) return <Center h="50vh"><Loader aria-label="…" /></Center>;
  if (me.data) return <Navigate to={homeOf(me.data.role)} replace />;
  return <Navigate to="/welcome" replace />;
}

// Each screen is its own chunk: the charts load with the statistics, the diagram library with the case page.
export const routes = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Center h="50vh"><Loader aria-label="…" /></Center>,
    children: [
      { path: '/', element: <Home /> },
      { path: '/welcome', lazy: async () => ({ Component: (await import('../pages/Welcome')).Welcome }) },
      { path: '/login', lazy: async () => ({ Component: (await import('../pages/Login')).Login }) },
      { path: '/signup', lazy: async () => ({ Component: (await import('../pages/Signup')).Signup }) },
      {
        element: <RequireRole roles={['applicant']} />,
        children: [
          { path: '/my', lazy: async () => ({ Component: (await import('../pages/applicant/MyFiles')).MyFiles }) },
          { path: '/my/files/:reference', lazy: async () => ({ Component: (await import('../pages/applicant/MyFile')).MyFile }) },
          { path: '/my/notifications', lazy: async () => ({ Component: (await import('../pages/applicant/MyNotifications')).MyNotifications }) },
          { path: '/my/data', lazy: async () => ({ Component: (await import('../pages/applicant/MyData')).MyData }) },
        ],
      },
      {
        element: <RequireRole roles={['caseworker', 'supervisor']} />,
        children: [
          { path: '/app/queue', lazy: async () => ({ Component: (await import('../pages/caseworker/WorkQueue')).WorkQueue }) },
          { path: '/app/cases/:id', lazy: async () => ({ Component: (await import('../pages/caseworker/CasePage')).CasePage }) },
          { path: '/app/applicants/:id', lazy: async () => ({ Component: (await import('../pages/caseworker/PersonPage')).PersonPage }) },
          { path: '/app/intake', lazy: async () => ({ Component: (await import('../pages/caseworker/IntakePage')).IntakePage }) },
        ],
      },
      {
        element: <RequireRole roles={['caseworker']} />,
        children: [{ path: '/app/register', lazy: async () => ({ Component: (await import('../pages/caseworker/Register')).Register }) }],
      },
      {
        element: <RequireRole roles={['supervisor']} />,
        children: [
          { path: '/app/supervision', lazy: async () => ({ Component: (await import('../pages/supervisor/Supervision')).Supervision }) },
          { path: '/app/statistics', lazy: async () => ({ Component: (await import('../pages/supervisor/Statistics')).Statistics }) },
          { path: '/app/audit', lazy: async () => ({ Component: (await import('../pages/supervisor/AuditTrail')).AuditTrail }) },
        ],
      },
      {
        element: <RequireRole roles={['supervisor', 'admin']} />,
        children: [{ path: '/app/criteria', lazy: async () => ({ Component: (await import('../pages/supervisor/Criteria')).Criteria }) }],
      },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: '/app/admin/users', lazy: async () => ({ Component: (await import('../pages/admin/Users')).Users }) },
          { path: '/app/admin/offices', lazy: async () => ({ Component: (await import('../pages/admin/Offices')).Offices }) },
          { path: '/app/admin/dead-letters', lazy: async () => ({ Component: (await import('../pages/admin/DeadLetters')).DeadLetters }) },
        ],
      },
      { path: '*', lazy: async () => ({ Component: (await import('../pages/NotFound')).NotFound }) },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
