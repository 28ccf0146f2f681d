import type { ArticleStatus } from './api/types.ts';

// Which lifecycle buttons an article shows, from its status and what the server says the viewer may
// do (canEdit: an agent of its team or an admin; canPublish: a lead of its team or an admin). The
// server decides again on every move; this only avoids offering a button that would be refused.
// Pure, tested in lifecycle.test.ts.

export type LifecycleAction = 'submit' | 'publish' | 'sendBack' | 'archive' | 'reopen';

export const actionTarget: Record<LifecycleAction, ArticleStatus> = {
  submit: 'in_review',
  publish: 'published',
  sendBack: 'draft',
  archive: 'archived',
  reopen: 'draft',
};

/** The moves the contract allows: draft -> in_review | published, in_review -> published | draft, published -> archived, archived -> draft. */
export function lifecycleActions(status: ArticleStatus, rights: { canEdit: boolean; canPublish: boolean }): LifecycleAction[] {
  const actions: LifecycleAction[] = [];
  switch (status) {
    case 'draft':
      if (rights.canEdit) actions.push('submit');
      if (rights.canPublish) actions.push('publish');
      break;
    case 'in_review':
      if (rights.canPublish) actions.push('publish');
      if (rights.canEdit) actions.push('sendBack');
      break;
    case 'published':
      if (rights.canEdit) actions.push('archive');
      break;
    case 'archived':
      if (rights.canEdit) actions.push('reopen');
      break;
  }
  return actions;
}
