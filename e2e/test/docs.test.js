// Runs every `js` snippet of docs/polkadot-js.md, in order, against a dev node, so that the
// page a polkadot.js user follows cannot go stale.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { useChain } from '../lib/chain.js';
import { fixture, readLe } from '../lib/contracts.js';

const PAGE = new URL('../../docs/polkadot-js.md', import.meta.url);
const DOCUMENTED_URL = 'ws://127.0.0.1:9944';
const AsyncFunction = (async () => {}).constructor;

/** The `js` code blocks of the page, in order. */
function snippets() {
  const blocks = [...readFileSync(PAGE, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.ok(blocks.length >= 8, 'the page has its snippets');
  return blocks;
}

/**
 * The snippets as one async function body: static imports become dynamic imports of the
 * packages this suite installed (resolved here, since the snippets run in another directory).
 */
function program(blocks, url) {
  const body = blocks
    .join('\n')
    .replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names, from) => `const {${names}} = await import('${import.meta.resolve(from)}');`)
    .replaceAll(DOCUMENTED_URL, url);
  const results = ['codeId', 'contract', 'gasRequired', 'newValue', 'storedValue', 'queryError', 'failure', 'eventNames'];
  return new AsyncFunction(`${body}\nreturn { ${results.join(', ')} };`);
}

describe('docs/polkadot-js.md', () => {
  const chain = useChain('docs');

  it('runs every snippet, with the results the page states', async () => {
    // The snippets read `./counter.wasm`, as a user would read their module.
    const directory = mkdtempSync(join(tmpdir(), 'wasm-contracts-docs-'));
    writeFileSync(join(directory, 'counter.wasm'), await fixture('counter'));
    const cwd = process.cwd();
    process.chdir(directory);
    let results;
    try {
      results = await program(snippets(), chain.url)();
    } finally {
      process.chdir(cwd);
    }
    assert.equal(typeof results.codeId, 'bigint');
    assert.ok(results.contract.length > 40, 'an SS58 address');
    assert.ok(results.gasRequired.refTime.toBigInt() > 0n);
    assert.equal(results.newValue, 1, 'the output in Executed is the new value');
    assert.equal(readLe(results.storedValue), 1n, 'storage holds the new value');
    assert.equal(results.queryError, 'StateChangeInReadOnlyCall');
    assert.equal(results.failure, 'wasmContracts.EntryPointNotFound');
    assert.ok(results.eventNames.includes('wasmContracts.Executed'), results.eventNames.join(', '));
    const feeDestination = chain.api.consts.wasmContracts.feeDestination.toString();
    assert.ok(feeDestination.length > 40, 'the fee destination is a constant of the metadata');
  });

  it('offers metadata V16 and the metadata-hash extension to signers', async () => {
    const { api } = chain;
    const versions = (await api.call.metadata.metadataVersions()).map((version) => version.toNumber());
    assert.ok(versions.includes(16), `metadata versions ${versions}`);
    assert.ok(api.registry.signedExtensions.includes('CheckMetadataHash'), api.registry.signedExtensions.join(', '));
  });
});
