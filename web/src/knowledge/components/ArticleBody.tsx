import { Typography } from '@mantine/core';

/**
 * An article's body as the server rendered it. The HTML is sanitised on the server when the article
 * is saved (server/modules/knowledge/markdown.ts: no scripts, styles, event handlers, javascript: or
 * data: links, frames only from the allowed video hosts), which is why it may be set as HTML here;
 * nothing else from the API is ever rendered this way.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <Typography>
      <div className="hallway-article" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
