// Runs every `js` snippet of docs/polkadot-js.md, in order, against a dev node, so that the
// page a polkadot.js user follows cannot go stale.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { useChain } from '../lib/chain.js';
import { fixture, readLe } from '../lib/contracts.js';
import { jsBlocks, program } from '../lib/snippets.js';

const PAGE = new URL('../../docs/polkadot-js.md', import.meta.url);
const RESULTS = ['codeId', 'contract', 'gasRequired', 'newValue', 'storedValue', 'queryError', 'failure', 'eventNames'];

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
      const blocks = jsBlocks(PAGE);
      assert.ok(blocks.length >= 8, 'the page has its snippets');
      results = await program(blocks, { url: chain.url, results: RESULTS, base: pathToFileURL(`${directory}/`) })();
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
