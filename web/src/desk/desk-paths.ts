// Where desk pages live, in one place (routes.tsx holds the patterns). A file of its own so pages
// link to each other without pulling each other's code into their chunks.
export const deskRequestPath = (key: string) => `/desk/requests/${encodeURIComponent(key)}`;
export const deskQueuePath = (team: string) => `/desk/${encodeURIComponent(team)}`;
