#!/usr/bin/env node
// A stand-in for the native `solc` binary that forge expects (`forge --use scripts/solc.mjs`):
// native solc cannot be downloaded here, so this answers forge's two questions with solcjs.
//   --version        -> the version line forge parses
//   --standard-json  -> compile the JSON on stdin, print the JSON output
import { readFileSync } from 'node:fs';
import { resolveImport } from './imports.mjs';
import solc from 'solc';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  const full = solc.version(); // e.g. 0.8.30+commit.73712a01.Emscripten.clang
  console.log('solc, the solidity compiler commandline interface');
  console.log(`Version: ${full.replace(/\.Emscripten\.clang$/, '.Linux.g++')}`);
  process.exit(0);
}
if (!args.includes('--standard-json')) {
  console.error('only --version and --standard-json are supported');
  process.exit(2);
}
const includePaths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base-path' || args[i] === '--include-path') includePaths.push(args[i + 1]);
}
const input = readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: (path) => resolveImport(path, includePaths) }));
