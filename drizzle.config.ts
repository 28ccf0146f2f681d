import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new numbered SQL migration from the table definitions.
// Review it, commit it, never edit it once landed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/platform/db/schema.ts',
  out: './server/migrations',
});
