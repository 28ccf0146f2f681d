#!/usr/bin/env node
// The `hallway` command. Hallway runs its TypeScript sources through tsx, so a fresh clone needs
// no build step before `npm start` or `npx hallway ...`.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
