// Import resolution shared by the forge wrapper and the artifact build: a path is looked up as
// given, then under each include path, then under the repository's node_modules.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const contractsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const nodeModules = resolve(contractsDir, '..', 'node_modules');

export function resolveImport(path, includePaths = []) {
  for (const base of ['', ...includePaths, contractsDir, nodeModules]) {
    const candidate = base === '' ? path : join(base, path);
    if (existsSync(candidate)) return { contents: readFileSync(candidate, 'utf8') };
  }
  return { error: `File not found: ${path}` };
}
