// Runs every `js` snippet of docs/polkadot-js.md, in order, against a dev node that seals a block
// per transaction and against one started as scripts/dev-chain.sh starts it (a block every 3 s,
// where a transaction's status can go from Ready to Finalized without InBlock), so that the page
// a polkadot.js user follows cannot go stale on either.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import * as polkadotApi from '@polkadot/api';
import { useChain } from '../lib/chain.js';
import { fixture, readLe } from '../lib/contracts.js';
import { jsBlocks, program } from '../lib/snippets.js';

const PAGE = new URL('../../docs/polkadot-js.md', import.meta.url);
const RESULTS = [
  'codeId', 'contract', 'gasRequired', 'newValue', 'storedValue', 'variableValue', 'queryError', 'failure', 'eventNames',
];
// The page sends four transactions; on a chain with a block every 3 s each waits a block or two.
const PAGE_TIMEOUT_MS = 180_000;

/**
 * Runs the page's snippets against the node at `url` and returns the variables of `RESULTS`.
 * Fails instead of waiting when they take longer than `PAGE_TIMEOUT_MS` (a `send` that never
 * sees the status it waits for), and closes the connections the snippets opened either way.
 */
async function runPage(url) {
  // The snippets read `./counter.wasm`, as a user would read their module.
  const directory = mkdtempSync(join(tmpdir(), 'wasm-contracts-docs-'));
  writeFileSync(join(directory, 'counter.wasm'), await fixture('counter'));
  const providers = [];
  class TrackedWsProvider extends polkadotApi.WsProvider {
    constructor(...args) {
      super(...args);
      providers.push(this);
    }
  }
  const modules = { '@polkadot/api': { ...polkadotApi, WsProvider: TrackedWsProvider } };
  const cwd = process.cwd();
  process.chdir(directory);
  let timer = null;
  try {
    const blocks = jsBlocks(PAGE);
    assert.ok(blocks.length >= 9, 'the page has its snippets');
    const run = program(blocks, { url, results: RESULTS, base: pathToFileURL(`${directory}/`), modules })();
    // A run that loses the race below may still fail later; its failure is the timeout's.
    run.catch(() => {});
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the snippets did not finish within ${PAGE_TIMEOUT_MS} ms on ${url}: does \`send\` wait for a status the node never reports?`)),
        PAGE_TIMEOUT_MS,
      );
    });
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    process.chdir(cwd);
    // The last snippet disconnects; after a failure the connection would keep the suite alive.
    await Promise.all(providers.map((provider) => provider.disconnect().catch(() => {})));
  }
}

/** Checks what the page states about each result. */
function checkResults(results) {
  assert.equal(typeof results.codeId, 'bigint');
  assert.ok(results.contract.length > 40, 'an SS58 address');
  assert.ok(results.gasRequired.refTime.toBigInt() > 0n);
  assert.equal(results.newValue, 1, 'the output in Executed is the new value');
  assert.equal(readLe(results.storedValue), 1n, 'storage holds the new value');
  assert.equal(results.variableValue, null, 'an absent account variable reads as None');
  assert.equal(results.queryError, 'StateChangeInReadOnlyCall');
  assert.equal(results.failure, 'wasmContracts.EntryPointNotFound');
  assert.ok(results.eventNames.includes('wasmContracts.Executed'), results.eventNames.join(', '));
}

describe('docs/polkadot-js.md', () => {
  const chain = useChain('docs');

  it('runs every snippet, with the results the page states', async () => {
    checkResults(await runPage(chain.url));
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

describe('docs/polkadot-js.md on the chain of scripts/dev-chain.sh', () => {
  // With WS_URL the suite starts no node: the snippets ran on that chain above.
  const skip = process.env.WS_URL ? 'WS_URL names the chain the snippets ran on' : false;
  const chain = useChain('docs-dev-chain', { devChain: true });

  it('runs every snippet on a node that makes a block every 3 s, with the same results', { skip }, async () => {
    checkResults(await runPage(chain.url));
  });
});
