// Where the desk's knowledge pages live (routes.tsx holds the patterns), and the portal's reader.
const segment = encodeURIComponent;
export const teamArticlesPath = (team: string, search = '') => `/desk/${segment(team)}/articles${search ? `?${search}` : ''}`;
export const newArticlePath = (team: string) => `/desk/${segment(team)}/articles/new`;
export const articleEditorPath = (slug: string) => `/desk/articles/${segment(slug)}`;
export const knowledgeReportPath = (team: string) => `/desk/${segment(team)}/knowledge-report`;
/** The employee's reader (the portal's page): how the article looks to those it is published for. */
export const readerPath = (slug: string) => `/kb/${segment(slug)}`;

/** Whether a page is one of the knowledge pages, which have navigation links of their own (not the queue's). */
export const isKnowledgePath = (path: string): boolean => /^\/desk\/(articles(\/|$)|knowledge-report$|[^/]+\/(articles|knowledge-report)(\/|$))/.test(path);
