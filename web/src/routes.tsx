import type { RouteObject } from 'react-router';
import { adminRoutes } from './admin/routes.tsx';
import { Layout } from './components/Layout.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { deskRoutes } from './desk/routes.tsx';
import { portalRoutes } from './portal/routes.tsx';

// Routes by area; each area keeps its own list (portal/, desk/, admin/). Each page is its own
// chunk, loaded when first visited, so the first load carries the frame only.
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    lazy: async () => ({ Component: (await import('./portal/sign-in/SignInPage.tsx')).SignInPage }),
  },
  // An approval mail's one-click link lands here signed in or not (its token is the proof; sign-in would drop the #token).
  { path: '/approvals/decide', lazy: async () => ({ Component: (await import('./portal/approvals/DecideByLinkPage.tsx')).DecideByLinkPage }) },
  // A chat app's "link your account" message lands here; the page sends strangers to sign in itself, keeping the #token.
  { path: '/link/:kind', lazy: async () => ({ Component: (await import('./portal/link/LinkAccountPage.tsx')).LinkAccountPage }) },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          ...portalRoutes,
          ...deskRoutes,
          ...adminRoutes,
          { path: '*', lazy: async () => ({ Component: (await import('./portal/NotFoundPage.tsx')).NotFoundPage }) },
        ],
      },
    ],
  },
];
