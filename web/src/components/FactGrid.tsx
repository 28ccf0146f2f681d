import { SimpleGrid, Text } from '@mantine/core';

/** Short facts as a description list, two columns from a small screen up, one on a phone. */
export function FactGrid({ facts }: { facts: [term: string, value: string][] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
