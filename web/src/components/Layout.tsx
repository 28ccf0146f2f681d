import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../api/queries.ts';
import { en } from '../i18n/en.ts';
import { LoadingState } from './PageState.tsx';
import { adminLinks } from '../admin/routes.tsx';
import { deskLinks } from '../desk/routes.tsx';
import { portalLinks } from '../portal/routes.tsx';
import { AskRecognitionOnce } from '../portal/profile/AskRecognitionOnce.tsx';
import { useLiveUpdates } from '../live/useLiveUpdates.ts';

const links = [...portalLinks, ...deskLinks, ...adminLinks];

/** The frame of every signed-in page: a header, the areas' links (a drawer on a phone), the page. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut();
  useLiveUpdates(Boolean(me.data));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={en.nav.openMenu} />
            {/* The name, not a heading: each page's h1 is the first heading a screen reader meets. */}
            <Anchor component={Link} to="/" fw={700} fz="lg" c="inherit" underline="never">
              {en.appName}
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" visibleFrom="sm">
                {en.nav.signedInAs(me.data.name)}
              </Text>
            )}
            <Button
              variant="default"
              size="xs"
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
            >
              {en.nav.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={en.nav.main}>
        <Stack gap={4}>
          {links.filter((link) => me.data && link.visibleTo(me.data)).map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              rightSection={link.badge ? <link.badge /> : undefined}
              active={link.active(location.pathname)}
              aria-current={link.active(location.pathname) ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AskRecognitionOnce />
      <AppShell.Main>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
