import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireSession } from './components/RequireSession.tsx';

// Routes by area. Each page is its own chunk, loaded when first visited, so the first load carries
// the frame only; the desk and admin areas will join as more lazy routes.
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    lazy: async () => ({ Component: (await import('./portal/sign-in/SignInPage.tsx')).SignInPage }),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./portal/catalog/CatalogPage.tsx')).CatalogPage }) },
          {
            path: 'services/:slug',
            lazy: async () => ({ Component: (await import('./portal/service-form/ServiceFormPage.tsx')).ServiceFormPage }),
          },
          { path: 'requests', lazy: async () => ({ Component: (await import('./portal/requests/MyRequestsPage.tsx')).MyRequestsPage }) },
          { path: 'requests/:key', lazy: async () => ({ Component: (await import('./portal/requests/RequestPage.tsx')).RequestPage }) },
          { path: 'requests/:key/sent', lazy: async () => ({ Component: (await import('./portal/requests/SentPage.tsx')).SentPage }) },
          { path: '*', lazy: async () => ({ Component: (await import('./portal/NotFoundPage.tsx')).NotFoundPage }) },
        ],
      },
    ],
  },
];
