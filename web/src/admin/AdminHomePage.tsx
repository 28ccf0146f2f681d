import { Title } from '@mantine/core';
import { en } from '../i18n/en.ts';

export function AdminHomePage() {
  return <Title order={1}>{en.admin.title}</Title>;
}
