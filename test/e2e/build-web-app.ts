import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The journeys drive the built app that `hallway serve` serves: build it first if it is missing or stale. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build-web.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web app failed (see above)');
}
