import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { knowledge } from '../../i18n/en-knowledge.ts';

const words = knowledge.intake;

/** After "This solved it": nothing was filed, and the way back. */
export function DeflectedState({ articleLink }: { articleLink: string }) {
  // The drawer and the button that opened it are gone: focus moves here, so a keyboard or
  // screen-reader user starts from the news rather than from the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3" ref={heading} tabIndex={-1}>
          {words.deflectedTitle}
        </Title>
        <Text>{words.deflectedBody}</Text>
        <Button component={Link} to="/">
          {words.backToCatalog}
        </Button>
        <Anchor component={Link} to={articleLink} size="sm">
          {words.readAgain}
        </Anchor>
      </Stack>
    </Paper>
  );
}
