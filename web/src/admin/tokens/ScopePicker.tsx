import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { en } from '../../i18n/en.ts';
import type { TokenScope } from '../api/types.ts';
import type { Caller } from '../sections.ts';
import { mayChooseScope, SCOPE_AREAS, toggleScope } from './token-scopes.ts';

const words = en.admin.tokens;

interface ScopePickerProps {
  me: Caller;
  value: readonly TokenScope[];
  onChange: (next: TokenScope[]) => void;
  error?: string;
}

/** The scopes of a new token, area by area; those the person's role could never use are shown disabled. */
export function ScopePicker({ me, value, onChange, error }: ScopePickerProps) {
  return (
    <Fieldset legend={words.scopes} aria-describedby="token-scopes-help">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" id="token-scopes-help">
          {words.scopesHelp}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {SCOPE_AREAS.map(({ area, scopes }) => (
            <div key={area} role="group" aria-label={words.areas[area]}>
              <Text size="sm" fw={600} mb={4}>
                {words.areas[area]}
              </Text>
              <Stack gap={6}>
                {scopes.map((scope) => {
                  const allowed = mayChooseScope(me, scope);
                  return (
                    <Checkbox
                      key={scope}
                      value={scope}
                      checked={value.includes(scope)}
                      disabled={!allowed}
                      label={<code>{scope}</code>}
                      description={allowed ? words.scopeWords[scope] : `${words.scopeWords[scope]}. ${words.notForYou}`}
                      onChange={(event) => onChange(toggleScope(value, scope, event.currentTarget.checked))}
                    />
                  );
                })}
              </Stack>
            </div>
          ))}
        </SimpleGrid>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
