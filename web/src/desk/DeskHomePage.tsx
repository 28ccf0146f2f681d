import { Title } from '@mantine/core';
import { en } from '../i18n/en.ts';

export function DeskHomePage() {
  return <Title order={1}>{en.desk.title}</Title>;
}
