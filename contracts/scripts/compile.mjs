#!/usr/bin/env node
// Compiles contracts/src with solcjs (standard JSON) and writes, for every deployable contract,
//   <Name>.json            {contractName, abi, bytecode, deployedBytecode, immutableReferences, compiler}
//   <Name>.abi.json        the ABI alone
//   <Name>.bin             creation bytecode, 0x-prefixed hex
//   <Name>.deployed.bin    runtime bytecode, 0x-prefixed hex
//   <Name>.immutables.json where the runtime bytecode holds immutables: [[start, length], ...]
// into the output directory (default target/classes/io/crogas/contracts), where the jar picks
// them up as classpath resources. The optimizer and EVM settings come from foundry.toml, so forge
// tests and the shipped artifacts are built the same way. Same sources, same bytes: inputs are
// sorted and nothing time- or path-dependent enters the compiler input.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import solc from 'solc';
import { contractsDir, nodeModules, resolveImport } from './imports.mjs';

const outDir = resolve(process.argv[2] ?? join(contractsDir, 'target/classes/io/crogas/contracts'));
const settings = foundrySettings(readFileSync(join(contractsDir, 'foundry.toml'), 'utf8'));

const input = {
  language: 'Solidity',
  sources: Object.fromEntries(
    solidityFiles(join(contractsDir, 'src')).map((file) => [
      relative(contractsDir, file),
      { content: readFileSync(file, 'utf8') },
    ]),
  ),
  settings: {
    optimizer: { enabled: settings.optimizer, runs: settings.optimizerRuns },
    evmVersion: settings.evmVersion,
    metadata: { bytecodeHash: settings.bytecodeHash },
    outputSelection: {
      '*': {
        '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences'],
      },
    },
  },
};

const output = JSON.parse(
  solc.compile(JSON.stringify(input), { import: (path) => resolveImport(path, [contractsDir, nodeModules]) }),
);
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const diagnostic of output.errors ?? []) console.error(diagnostic.formattedMessage);
if (errors.length > 0) process.exit(1);

mkdirSync(outDir, { recursive: true });
const compiler = { version: solc.version(), evmVersion: settings.evmVersion, optimizerRuns: settings.optimizerRuns };
const written = [];
for (const source of Object.keys(output.contracts).filter((s) => s.startsWith('src/')).sort()) {
  for (const [contractName, contract] of Object.entries(output.contracts[source])) {
    const bytecode = contract.evm.bytecode.object;
    if (!bytecode) continue; // interfaces and abstract contracts
    // The deployment fills these byte ranges of the runtime code (zeros here) with immutables.
    const immutableReferences = Object.values(contract.evm.deployedBytecode.immutableReferences ?? {})
      .flat()
      .map(({ start, length }) => [start, length])
      .sort((a, b) => a[0] - b[0]);
    const artifact = {
      contractName,
      abi: contract.abi,
      bytecode: `0x${bytecode}`,
      deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
      immutableReferences,
      compiler,
    };
    writeFileSync(join(outDir, `${contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
    writeFileSync(join(outDir, `${contractName}.abi.json`), `${JSON.stringify(contract.abi, null, 2)}\n`);
    writeFileSync(join(outDir, `${contractName}.bin`), `${artifact.bytecode}\n`);
    writeFileSync(join(outDir, `${contractName}.deployed.bin`), `${artifact.deployedBytecode}\n`);
    writeFileSync(join(outDir, `${contractName}.immutables.json`), `${JSON.stringify(immutableReferences)}\n`);
    written.push(contractName);
  }
}
console.log(`Compiled ${written.join(', ')} with solc ${solc.version()} -> ${relative(process.cwd(), outDir) || '.'}`);

function solidityFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return solidityFiles(path);
      return entry.name.endsWith('.sol') ? [path] : [];
    });
}

/** Reads the few keys this build shares with forge from foundry.toml's [profile.default]. */
function foundrySettings(toml) {
  const profile = toml.split(/^\[profile\.default\]\s*$/m)[1]?.split(/^\[/m)[0];
  if (!profile) throw new Error('foundry.toml has no [profile.default] section');
  const value = (key) => {
    const match = profile.match(new RegExp(`^${key}\\s*=\\s*"?([^"\\n]+?)"?\\s*$`, 'm'));
    if (!match) throw new Error(`foundry.toml [profile.default] lacks ${key}`);
    return match[1];
  };
  return {
    optimizer: value('optimizer') === 'true',
    optimizerRuns: Number.parseInt(value('optimizer_runs'), 10),
    evmVersion: value('evm_version'),
    bytecodeHash: value('bytecode_hash'),
  };
}
