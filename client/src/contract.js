// Typed calls of a contract built with the Rust SDK: its metadata (written by `contracts/build.sh`
// or `cargo wasm-contracts build` next to the module) names the entry points and their types, and
// turns them into calls whose messages are encoded and whose results, errors and events are decoded.

import { TypeRegistry } from '@polkadot/types';
import { stringCamelCase } from '@polkadot/util';
import { bytesArg } from './bytes.js';
import { depositLimit } from './calls.js';
import { eventsOf, fields, submitOk, theEvent } from './chain.js';

/** A call a contract refused: `error` is the pallet error, `docs` its doc line, `reverted` the contract's decoded error. */
export class ContractError extends Error {
  constructor(error, reverted, docs = '') {
    super(reverted ? `${error}: ${reverted.toString()}` : error);
    this.error = error;
    this.reverted = reverted;
    this.docs = docs;
  }
}

/** The scale-info types of `metadata` as a polkadot.js registry. */
export function metadataRegistry(metadata) {
  const registry = new TypeRegistry();
  registry.setLookup(registry.createType('PortableRegistry', { types: metadata.types.types }, true));
  return registry;
}

/** A dry run's storage deposit as `{ charge }` or `{ refund }`, in plancks (bigint). */
function depositOf(storageDeposit) {
  return storageDeposit.isCharge ? { charge: storageDeposit.asCharge.toBigInt() } : { refund: storageDeposit.asRefund.toBigInt() };
}

/**
 * A contract at `address` described by `metadata`.
 * - `contract.dryRun(name, message, { origin, value })` previews an `execute` entry point;
 * - `contract.execute(name, message, { signer, value })` runs it with the gas and storage deposit
 *   a dry run asks for and resolves to `{ output, outcome, events }`;
 * - `contract.call(name, message)` runs a `query` entry point read-only and resolves to its output;
 * - `contract.tx.<entryPoint>(message, options)` and `contract.query.<entryPoint>(message)` are the
 *   same by camelCased name.
 * Messages are plain JS values of the entry point's type (objects for structs, `{ Variant: value }`
 * for enums, `null` for `None`); outputs and events are polkadot.js codecs.
 */
export class TypedContract {
  constructor(api, metadata, address) {
    this.api = api;
    this.address = address;
    this.metadata = metadata;
    this.registry = metadataRegistry(metadata);
    this.tx = {};
    this.query = {};
    for (const entry of metadata.entry_points) {
      const key = stringCamelCase(entry.name);
      if (entry.kind === 'execute') this.tx[key] = (message, options) => this.execute(entry.name, message, options);
      if (entry.kind === 'query') this.query[key] = (message) => this.call(entry.name, message);
    }
  }

  /** The `instantiate` entry point of `metadata`, or undefined when the module has none. */
  static instantiateEntry(metadata) {
    return metadata.entry_points.find((candidate) => candidate.kind === 'instantiate');
  }

  /**
   * Previews instantiating `codeId` (uploaded code of `metadata`) with `message` as `origin`:
   * `{ ok, address, gasRequired, storageDeposit, output, error, dryRun }`.
   */
  static async dryRunInstantiate(api, metadata, codeId, message, { origin, value = 0n, admin = null, salt = null }) {
    const entry = TypedContract.instantiateEntry(metadata);
    const contract = new TypedContract(api, metadata, null);
    const initMsg = entry ? contract.encode(entry.message, message) : new Uint8Array();
    const dryRun = await api.call.wasmContractsApi.dryRunInstantiate(
      origin, codeId, bytesArg(initMsg), admin, value, null, salt && bytesArg(salt),
    );
    if (dryRun.result.isOk) contract.address = dryRun.result.asOk.contract.toString();
    const preview = contract.#preview(dryRun, entry);
    if (preview.ok) {
      preview.address = contract.address;
      preview.output = entry?.output != null ? contract.decode(entry.output, dryRun.result.asOk.data.toU8a(true)) : null;
    }
    return { ...preview, initMsg };
  }

  /**
   * Instantiates `codeId` (uploaded code of `metadata`) with `message`, the gas and deposit a dry
   * run asks for; resolves to the new contract. Throws a `ContractError` when the dry run fails.
   */
  static async instantiate(api, metadata, codeId, message, { signer, value = 0n, admin = null, salt = null }) {
    const preview = await TypedContract.dryRunInstantiate(api, metadata, codeId, message, { origin: signer.address, value, admin, salt });
    if (!preview.ok) throw preview.error;
    const tx = api.tx.wasmContracts.instantiate(
      codeId, bytesArg(preview.initMsg), admin, value, preview.dryRun.gasRequired, salt && bytesArg(salt),
      depositLimit(preview.dryRun.storageDeposit),
    );
    const outcome = await submitOk(api, tx, signer);
    const contract = new TypedContract(api, metadata, null);
    contract.address = fields(theEvent(outcome, api.events.wasmContracts.Instantiated)).contract.toString();
    contract.outcome = outcome;
    return contract;
  }

  /** The entry point `name` of the metadata; throws when there is none. */
  entryPoint(name) {
    const entry = this.metadata.entry_points.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`${this.metadata.name} has no entry point ${name}`);
    return entry;
  }

  /** `value` as the SCALE encoding of type `typeId`. */
  encode(typeId, value) {
    return this.registry.createTypeUnsafe(this.registry.createLookupType(typeId), [value]).toU8a();
  }

  /** `bytes` decoded as type `typeId`. */
  decode(typeId, bytes) {
    return this.registry.createTypeUnsafe(this.registry.createLookupType(typeId), [bytes]);
  }

  /** The `ContractError` of a failed dry run or query, with the contract's error decoded. */
  errorOf(result, entry) {
    const dispatchError = result.result.asErr;
    // Errors outside a pallet (`Token`, `Arithmetic`, ...) have a kind but no docs.
    const { name, docs } = dispatchError.isModule
      ? this.api.registry.findMetaError(dispatchError.asModule)
      : { name: dispatchError.type, docs: [] };
    const reverted = entry?.error != null && result.revertMessage.isSome
      ? this.decode(entry.error, result.revertMessage.unwrap().toU8a(true))
      : null;
    return new ContractError(name, reverted, docs.join(' ').trim());
  }

  /** What a dry run says: `{ ok, gasRequired, storageDeposit, output, error, events, dryRun }`. */
  #preview(dryRun, entry) {
    const ok = dryRun.result.isOk;
    return {
      ok,
      gasRequired: { refTime: dryRun.gasRequired.refTime.toBigInt(), proofSize: dryRun.gasRequired.proofSize.toBigInt() },
      storageDeposit: depositOf(dryRun.storageDeposit),
      output: null,
      error: ok ? null : this.errorOf(dryRun, entry),
      events: ok ? this.eventsIn(dryRun.events.map((record) => record.event)) : [],
      dryRun,
    };
  }

  /** Previews the `execute` entry point `name` with `message` as `origin`, sending `value`. */
  async dryRun(name, message, { origin, value = 0n }) {
    const entry = this.entryPoint(name);
    const msg = bytesArg(this.encode(entry.message, message));
    const dryRun = await this.api.call.wasmContractsApi.dryRunExecute(origin, this.address, bytesArg(name), msg, value, null);
    const preview = this.#preview(dryRun, entry);
    if (preview.ok) preview.output = this.decode(entry.output, dryRun.result.asOk.data.toU8a(true));
    return { ...preview, msg };
  }

  /**
   * Runs the `execute` entry point `name` with `message` as `signer`, with the gas and storage
   * deposit its dry run asks for. Throws a `ContractError` when the dry run fails.
   */
  async execute(name, message, { signer, value = 0n }) {
    const preview = await this.dryRun(name, message, { origin: signer.address, value });
    if (!preview.ok) throw preview.error;
    const tx = this.api.tx.wasmContracts.execute(
      this.address, bytesArg(name), preview.msg, value, preview.dryRun.gasRequired, depositLimit(preview.dryRun.storageDeposit),
    );
    const outcome = await submitOk(this.api, tx, signer);
    return { output: preview.output, outcome, events: this.events(outcome) };
  }

  /** Runs the `query` entry point `name` read-only; resolves to its decoded output, or throws a `ContractError`. */
  async call(name, message) {
    const entry = this.entryPoint(name);
    const msg = bytesArg(this.encode(entry.message, message));
    const result = await this.api.call.wasmContractsApi.query(this.address, bytesArg(name), msg, null);
    if (result.result.isErr) throw this.errorOf(result, entry);
    return this.decode(entry.output, result.result.asOk.data.toU8a(true));
  }

  /** A `ContractEmitted` event's fields decoded through the metadata: `{ topic, data }`. */
  decodeEvent(emitted) {
    const topic = new TextDecoder().decode(emitted.topic.toU8a(true));
    const described = (this.metadata.events ?? []).find((candidate) => candidate.topic === topic);
    const data = emitted.data.toU8a(true);
    return { topic, data: described ? this.decode(described.data, data) : data };
  }

  /** This contract's events among the runtime events `events`, decoded: `{ topic, data }`. */
  eventsIn(events) {
    const emitted = this.api.events.wasmContracts.ContractEmitted;
    return events
      .filter((event) => emitted.is(event))
      .map(fields)
      .filter((event) => event.contract.toString() === this.address)
      .map((event) => this.decodeEvent(event));
  }

  /** The events this contract emitted in `outcome`, decoded through the metadata: `{ topic, data }`. */
  events(outcome) {
    return this.eventsIn(eventsOf(outcome, this.api.events.wasmContracts.ContractEmitted));
  }
}
