// Connecting to the chain, signing and submitting as a user would, decoding outcomes.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { stringCamelCase } from '@polkadot/util';

const SUBMIT_TIMEOUT_MS = 120_000;

/**
 * The runtime's transaction extensions that polkadot.js does not know, with what they add to a
 * transaction (nothing): `ApiPromise.create({ provider, signedExtensions: SIGNED_EXTENSIONS })`
 * then builds transactions without warning about them.
 */
export const SIGNED_EXTENSIONS = { StorageWeightReclaim: { extrinsic: {}, payload: {} } };

/**
 * An `ApiPromise` connected to the node at `url` (`ws://` or `wss://`); refused with the reason
 * when the node cannot be reached or its runtime has no WasmContracts pallet.
 */
export async function connect(url, { retryMs = 1_000 } = {}) {
  const api = await ApiPromise.create({
    provider: new WsProvider(url, retryMs),
    signedExtensions: SIGNED_EXTENSIONS,
    noInitWarn: true,
    throwOnConnect: true,
  });
  if (!api.tx.wasmContracts) {
    await api.disconnect();
    throw new Error(`the runtime at ${url} has no WasmContracts pallet`);
  }
  return api;
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
 * Signs `tx` as `signer` and sends it; `onStatus` gets polkadot.js's results. `signer` is a
 * keyring pair, or `{ address, signer }` with a browser extension's injected signer.
 */
function signAndSend(tx, signer, onStatus) {
  if (tx.isSigned) return tx.send(onStatus);
  if (signer.signer) return tx.signAndSend(signer.address, { signer: signer.signer, nonce: -1 }, onStatus);
  return tx.signAndSend(signer, { nonce: -1 }, onStatus);
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
    signAndSend(tx, signer, onStatus).then(
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
