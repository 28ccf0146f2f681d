#!/usr/bin/env bash
# Until the foundation lands, its first migration is regenerated from the table definitions
# (after landing, migrations are never edited: run `npm run db:generate` for a new one instead).
set -euo pipefail
cd "$(dirname "$0")/.."
custom=$(cat server/migrations/0001_request_events_append_only.sql)
rm -rf server/migrations
npx drizzle-kit generate --name foundation >/dev/null
npx drizzle-kit generate --custom --name request_events_append_only >/dev/null
printf '%s\n' "$custom" > server/migrations/0001_request_events_append_only.sql
ls server/migrations
