import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { knowledge } from '../../i18n/en-knowledge.ts';

const words = knowledge.intake;

/** After "This solved it": nothing was filed, and the way back. */
export function DeflectedState({ articleLink }: { articleLink: string }) {
  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <Stack gap="sm" align="flex-start" role="status">
        <Title order={2} size="h3">
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
