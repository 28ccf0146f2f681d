import { Autocomplete, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import type { TeamMember } from '../api/types.ts';
import { articleVisibilities, type ArticleVisibility } from './api/types.ts';
import type { ArticleDraft } from './article-draft.ts';

interface ArticleSettingsProps {
  draft: ArticleDraft;
  onChange: (change: Partial<ArticleDraft>) => void;
  categories: string[];
  members: TeamMember[];
  /** The owner as the article names them, in case they have left the team since. */
  currentOwner: { id: string; name: string } | undefined;
  messages: Record<string, string>;
  readOnly: boolean;
}

/** Who may read it, where it is filed, who keeps it true and until when. */
export function ArticleSettings({ draft, onChange, categories, members, currentOwner, messages, readOnly }: ArticleSettingsProps) {
  const owners = members.map((member) => ({ value: member.person.id, label: member.person.name }));
  if (currentOwner && !owners.some((option) => option.value === currentOwner.id)) owners.unshift({ value: currentOwner.id, label: currentOwner.name });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <Select
        label={words.editor.visibility}
        data={articleVisibilities.map((visibility) => ({ value: visibility, label: words.visibility[visibility] }))}
        value={draft.visibility}
        onChange={(value) => value && onChange({ visibility: value as ArticleVisibility })}
        allowDeselect={false}
        error={messages.visibility}
        readOnly={readOnly}
      />
      <Autocomplete
        label={words.editor.category}
        description={words.editor.categoryHint}
        data={categories}
        value={draft.category}
        onChange={(category) => onChange({ category })}
        error={messages.category}
        readOnly={readOnly}
      />
      <TagsInput
        label={words.editor.tags}
        description={words.editor.tagsHint}
        value={draft.tags}
        onChange={(tags) => onChange({ tags })}
        error={messages.tags}
        readOnly={readOnly}
        clearable
      />
      <Select
        label={words.editor.owner}
        data={owners}
        value={draft.ownerId || null}
        onChange={(ownerId) => ownerId && onChange({ ownerId })}
        allowDeselect={false}
        searchable
        error={messages.ownerId}
        readOnly={readOnly}
      />
      <TextInput
        type="date"
        label={words.editor.reviewBy}
        value={draft.reviewBy}
        onChange={(event) => onChange({ reviewBy: event.currentTarget.value })}
        error={messages.reviewBy}
        readOnly={readOnly}
      />
    </SimpleGrid>
  );
}
