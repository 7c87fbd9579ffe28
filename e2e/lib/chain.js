// A chain for each test suite; connecting, signing, submitting and decoding come from the
// client package (client/), which the web page uses too.

import { after, before } from 'node:test';
import { Keyring } from '@polkadot/api';
import { connect } from '@wasm-contracts/client';
import { startNode } from './node.js';

export {
  contractParams, decodeError, eventsOf, fields, freeBalance, heldChangeIn, heldFor, parentOf, SIGNED_EXTENSIONS, submit,
  submitOk, theEvent,
} from '@wasm-contracts/client';

/**
 * Registers `before`/`after` hooks that give the enclosing suite a chain: the node at `WS_URL`,
 * or a dev node started for this suite (with `nodeOptions`, see `startNode`) and stopped after
 * it, even when a test failed.
 * The returned object is filled in by the `before` hook: `{ api, alice, bob, url }`.
 */
export function useChain(name, nodeOptions = {}) {
  const chain = {};
  let node = null;
  before(async () => {
    let url = process.env.WS_URL;
    if (!url) {
      node = await startNode({ ...nodeOptions, name });
      url = node.url;
    }
    chain.url = url;
    chain.api = await connect(url);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: chain.api.registry.chainSS58 });
    chain.alice = keyring.addFromUri('//Alice');
    chain.bob = keyring.addFromUri('//Bob');
  });
  after(async () => {
    try {
      await chain.api?.disconnect();
    } finally {
      await node?.stop();
    }
  });
  return chain;
}
