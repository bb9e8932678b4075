#!/usr/bin/env node
// Copies the browser bundles the web pages use from node_modules (pinned in package-lock.json) into
// crogas-http-javalin/src/main/resources/web/vendor/, which is git-ignored. Run by the root pom's
// npm-toolchain profile right after `npm ci`, so the module's ordinary resource copy puts the files
// into the jar; `mvn clean` does not remove them, and the copy is skipped when nothing changed.
// Usage: node tools/copy-web-vendor.mjs [--check]   (--check: exit 1 when a copy is missing or stale)
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'crogas-http-javalin', 'src', 'main', 'resources', 'web', 'vendor');
const files = [
  // ethers v6: ESM browser bundle, self-contained (ABI encoding for function signatures).
  ['node_modules/ethers/dist/ethers.min.js', 'ethers.min.js'],
  ['node_modules/ethers/LICENSE.md', 'ethers.LICENSE.md'],
];

const check = process.argv.includes('--check');
const digest = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
let stale = 0;
for (const [from, to] of files) {
  const source = join(root, from);
  const target = join(vendor, to);
  if (!existsSync(source)) {
    console.error(`copy-web-vendor: ${from} is missing; run tools/npm-ci.sh (npm ci) first`);
    process.exit(1);
  }
  if (existsSync(target) && digest(source) === digest(target)) continue;
  if (check) {
    console.error(`copy-web-vendor: ${relative(root, target)} is missing or stale`);
    stale++;
    continue;
  }
  mkdirSync(vendor, { recursive: true });
  copyFileSync(source, target);
  console.log(`copy-web-vendor: ${from} -> ${relative(root, target)}`);
}
process.exit(stale ? 1 : 0);
