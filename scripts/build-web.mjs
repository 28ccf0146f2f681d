#!/usr/bin/env node
// Builds the web app into web/dist when it is missing or older than its sources (`npm start` runs
// this first, as prestart; see docs/decisions/0013-web-app.md), or always with --force
// (`npm run build:web`). Then writes web/dist/first-load.json: the compressed size of the
// JavaScript and CSS the first page load needs, which the issue caps at 300 KB of JavaScript.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = path.join(root, 'web');
const dist = path.join(web, 'dist');
const force = process.argv.includes('--force');

/** What the bundle is made of: the app, its build settings, its dependencies, and the server's pure intake-form engine it imports. */
function sourceFiles() {
  const files = readdirSync(path.join(web, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
  return [
    ...files,
    path.join(web, 'index.html'),
    path.join(web, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
    path.join(root, 'server/modules/catalog/intake-form.ts'),
    path.join(root, 'server/modules/catalog/intake-form.schema.ts'),
  ].filter((file) => existsSync(file));
}

function isStale() {
  const built = path.join(dist, 'first-load.json');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sourceFiles().some((file) => statSync(file).mtimeMs > builtAt);
}

/** .br and .gz beside each asset, so the server sends them compressed without compressing per request. */
function precompress() {
  const assets = path.join(dist, 'assets');
  for (const name of readdirSync(assets)) {
    if (!/\.(js|css|svg)$/.test(name)) continue;
    const content = readFileSync(path.join(assets, name));
    writeFileSync(path.join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
    writeFileSync(path.join(assets, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** The pages a visit starts on: signed out, sign-in; signed in, the catalog. */
const landingPages = { signIn: 'src/portal/sign-in/SignInPage.tsx', catalog: 'src/portal/catalog/CatalogPage.tsx' };

/**
 * What the browser fetches before a landing page shows: the entry chunk, that page's lazy chunk, and
 * everything both import statically. The figure reported is the larger of the landing pages.
 */
function firstLoad() {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const closure = (keys) => {
    const javascript = new Set();
    const css = new Set();
    const visit = (key) => {
      const chunk = manifest[key];
      if (!chunk || javascript.has(chunk.file)) return;
      javascript.add(chunk.file);
      for (const file of chunk.css ?? []) css.add(file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return { javascript: [...javascript], css: [...css] };
  };
  const gzipped = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length, 0);
  const pages = Object.fromEntries(
    Object.entries(landingPages).map(([name, key]) => {
      const files = closure([...entries, key]);
      return [name, { javascriptGzipBytes: gzipped(files.javascript), cssGzipBytes: gzipped(files.css), ...files }];
    }),
  );
  const largest = Object.values(pages).reduce((a, b) => (b.javascriptGzipBytes > a.javascriptGzipBytes ? b : a));
  return { javascriptGzipBytes: largest.javascriptGzipBytes, cssGzipBytes: largest.cssGzipBytes, pages };
}

if (!force && !isStale()) {
  console.log('web app: web/dist is up to date');
  process.exit(0);
}
console.log('web app: building web/dist ...');
// Vite honours an inherited NODE_ENV (vitest sets `test`), which would ship React's development build.
process.env.NODE_ENV = 'production';
const { build } = await import('vite');
await build({ configFile: path.join(web, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
precompress();
const size = firstLoad();
writeFileSync(path.join(dist, 'first-load.json'), `${JSON.stringify(size, null, 2)}\n`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`web app: built; first load ${kb(size.javascriptGzipBytes)} of JavaScript and ${kb(size.cssGzipBytes)} of CSS (gzip)`);
