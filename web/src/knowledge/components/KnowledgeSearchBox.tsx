import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { knowledge } from '../../i18n/en-knowledge.ts';

/** The knowledge search box: sends the words to the results page (/search?q=), where they stay in the address. */
export function KnowledgeSearchBox({ initial = '', types }: { initial?: string; types?: string | null }) {
  const navigate = useNavigate();
  const [words, setWords] = useState(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = words.trim();
    if (!q) return;
    const params = new URLSearchParams({ q });
    if (types) params.set('types', types);
    void navigate(`/search?${params.toString()}`);
  };
  return (
    <form onSubmit={onSubmit} role="search">
      <Group align="flex-end" gap="xs" wrap="nowrap" maw={620}>
        <TextInput
          type="search"
          label={knowledge.searchBox.label}
          placeholder={knowledge.searchBox.placeholder}
          value={words}
          onChange={(event) => setWords(event.currentTarget.value)}
          maxLength={200}
          style={{ flex: 1 }}
        />
        <Button type="submit">{knowledge.searchBox.submit}</Button>
      </Group>
    </form>
  );
}
