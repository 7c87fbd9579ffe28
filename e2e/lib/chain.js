// Connecting to the chain, signing and submitting as a user would, decoding outcomes.

import { after, before } from 'node:test';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { stringCamelCase } from '@polkadot/util';
import { startNode } from './node.js';

const SUBMIT_TIMEOUT_MS = 120_000;

/**
 * The runtime's transaction extensions that polkadot.js does not know, with what they add to a
 * transaction (nothing): `ApiPromise.create({ provider, signedExtensions: SIGNED_EXTENSIONS })`
 * then builds transactions without warning about them.
 */
export const SIGNED_EXTENSIONS = { StorageWeightReclaim: { extrinsic: {}, payload: {} } };

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
    chain.api = await ApiPromise.create({
      provider: new WsProvider(url, 1_000),
      signedExtensions: SIGNED_EXTENSIONS,
      noInitWarn: true,
      throwOnConnect: true,
    });
    if (!chain.api.tx.wasmContracts) {
      throw new Error(`the runtime at ${url} has no WasmContracts pallet`);
    }
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

/** The decoded pallet error of a failed dispatch: `{ section, name, docs }` (docs as one string). */
export function decodeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return { section, name, docs: docs.join(' ').trim() };
  }
  return { section: null, name: dispatchError.type, docs: dispatchError.toString() };
}

/**
 * Signs `tx` with `signer` (unless it is already signed), submits it and waits for its block.
 * Resolves to `{ blockHash, events, error }` where `error` is the decoded dispatch error or null.
 */
export function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = null;
    let settled = false;
    const settle = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (unsubscribe) unsubscribe();
      fn(value);
    };
    const timer = setTimeout(
      () => settle(reject, new Error(`${tx.method.section}.${tx.method.method} not in a block after ${SUBMIT_TIMEOUT_MS} ms`)),
      SUBMIT_TIMEOUT_MS,
    );
    const onStatus = (result) => {
      if (result.status.isInBlock || result.status.isFinalized) {
        const blockHash = result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized;
        settle(resolve, {
          blockHash,
          events: result.events.map(({ event }) => event),
          error: result.dispatchError ? decodeError(api, result.dispatchError) : null,
        });
      } else if (result.isError) {
        settle(reject, new Error(`${tx.method.section}.${tx.method.method}: transaction ${result.status.type}`));
      }
    };
    const sent = tx.isSigned ? tx.send(onStatus) : tx.signAndSend(signer, { nonce: -1 }, onStatus);
    sent.then(
      (unsub) => {
        unsubscribe = unsub;
        if (settled) unsub();
      },
      (error) => settle(reject, error),
    );
  });
}

/** Like `submit`, but throws when the dispatch failed. */
export async function submitOk(api, tx, signer) {
  const outcome = await submit(api, tx, signer);
  if (outcome.error) {
    const { section, name, docs } = outcome.error;
    throw new Error(`${tx.method.section}.${tx.method.method} failed: ${section}.${name} (${docs})`);
  }
  return outcome;
}

/** The events of `outcome` that `eventType` (e.g. `api.events.wasmContracts.Executed`) matches. */
export function eventsOf(outcome, eventType) {
  return outcome.events.filter((event) => eventType.is(event));
}

/** The single event of `outcome` that `eventType` matches; fails when there is not exactly one. */
export function theEvent(outcome, eventType) {
  const found = eventsOf(outcome, eventType);
  if (found.length !== 1) {
    const seen = outcome.events.map((event) => `${event.section}.${event.method}`).join(', ');
    throw new Error(`expected one ${eventType.meta.name} event, got ${found.length} (events: ${seen})`);
  }
  return found[0];
}

/**
 * The fields of a decoded event by their metadata names in camelCase. (`event.data` has getters
 * too, but polkadot.js renames fields whose names clash with its own, such as `size`.)
 */
export function fields(event) {
  return Object.fromEntries(
    event.meta.fields.map((field, index) => [stringCamelCase(field.name.unwrap().toString()), event.data[index]]),
  );
}

/** Free balance of `address` at `blockHash` (latest when omitted), as a bigint. */
export async function freeBalance(api, address, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const { data } = await at.query.system.account(address);
  return data.free.toBigInt();
}

/**
 * What `address` holds under the pallet's hold `reason` (`'CodeUpload'`, `'ContractInstantiation'`,
 * `'ContractStorage'` or `'AccountVariables'`), as `balances.holds` shows it, at `blockHash` or now.
 */
export async function heldFor(api, address, reason, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const holds = await at.query.balances.holds(address);
  const wanted = JSON.stringify({ wasmContracts: reason });
  const hold = holds.find((entry) => JSON.stringify(entry.id.toJSON()) === wanted);
  return hold ? hold.amount.toBigInt() : 0n;
}

/** How much more `address` holds under `reason` after the block of `outcome` than before it. */
export async function heldChangeIn(api, address, reason, outcome) {
  return (await heldFor(api, address, reason, outcome.blockHash)) -
    (await heldFor(api, address, reason, await parentOf(api, outcome.blockHash)));
}

/** The parent hash of block `blockHash`, i.e. the state just before it. */
export async function parentOf(api, blockHash) {
  const header = await api.rpc.chain.getHeader(blockHash);
  return header.parentHash;
}

/** The pallet parameters currently in force. */
export async function contractParams(api) {
  return api.query.wasmContracts.parameters();
}
