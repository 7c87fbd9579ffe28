// Typed calls of a contract built with the Rust SDK: the metadata that contracts/build.sh writes
// next to each module names its entry points and their types, and turns them into polkadot.js
// calls whose arguments are encoded and whose results are decoded.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { TypeRegistry } from '@polkadot/types';
import { stringCamelCase } from '@polkadot/util';
import { eventsOf, fields, submitOk, theEvent } from './chain.js';
import { bytesArg } from './contracts.js';
import { depositLimit } from './wasm-contracts.js';

const BUILD = new URL('../../contracts/build/', import.meta.url);
const CONTRACTS = new URL('../../contracts/', import.meta.url);

/** When `path`, or anything under it, last changed (0 when it does not exist). */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(new URL(entry, `${path.href}/`))));
}

/**
 * The module contracts/build.sh built for `name`. Refused, before anything is uploaded, when it
 * or its metadata is missing, or when it is older than the contract's or the SDK's source.
 */
export function contractModule(name) {
  const module = new URL(`${name}.wasm`, BUILD);
  const metadata = new URL(`${name}.metadata.json`, BUILD);
  const rebuild = `build it: CONTRACTS=${name} contracts/build.sh`;
  if (!existsSync(module) || !existsSync(metadata)) {
    throw new Error(`contracts/build has no ${name}.wasm and ${name}.metadata.json; ${rebuild}`);
  }
  const built = Math.min(statSync(module).mtimeMs, statSync(metadata).mtimeMs);
  for (const source of [`examples/${name}/src`, `examples/${name}/Cargo.toml`, 'sdk/src', 'sdk/Cargo.toml']) {
    if (newestChange(new URL(source, CONTRACTS)) > built) {
      throw new Error(`contracts/build/${name}.wasm is older than contracts/${source}; ${rebuild}`);
    }
  }
  return readFileSync(module);
}

/** The metadata contracts/build.sh wrote for `name`. */
export function contractMetadata(name) {
  const path = new URL(`${name}.metadata.json`, BUILD);
  if (!existsSync(path)) {
    throw new Error(`contracts/build has no ${name}.metadata.json; build it: CONTRACTS=${name} contracts/build.sh`);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A call a contract refused: `error` is the pallet error, `reverted` the contract's decoded error. */
export class ContractError extends Error {
  constructor(error, reverted) {
    super(reverted ? `${error}: ${reverted.toString()}` : error);
    this.error = error;
    this.reverted = reverted;
  }
}

/**
 * A contract at `address` described by `metadata`: `contract.tx.<entryPoint>(message, { signer, value })`
 * runs an `execute` entry point with the gas and storage deposit a dry run asks for, and resolves
 * to `{ output, outcome, events }` (the contract's events, decoded: `{ topic, data }`); `contract.query.<entryPoint>(message)` runs a `query` entry point
 * read-only and resolves to its decoded output. Entry point names are camelCased.
 */
export class TypedContract {
  constructor(api, metadata, address) {
    this.api = api;
    this.address = address;
    this.metadata = metadata;
    this.registry = new TypeRegistry();
    this.registry.setLookup(this.registry.createType('PortableRegistry', { types: metadata.types.types }, true));
    this.tx = {};
    this.query = {};
    for (const entry of metadata.entry_points) {
      const key = stringCamelCase(entry.name);
      if (entry.kind === 'execute') this.tx[key] = (message, options) => this.#execute(entry, message, options);
      if (entry.kind === 'query') this.query[key] = (message) => this.#query(entry, message);
    }
  }

  /** Uploads nothing: instantiates `codeId` (uploaded code of this metadata) with `message`. */
  static async instantiate(api, metadata, codeId, message, { signer, value = 0n, admin = null }) {
    const entry = metadata.entry_points.find((candidate) => candidate.kind === 'instantiate');
    const contract = new TypedContract(api, metadata, null);
    const initMsg = entry ? contract.encode(entry.message, message) : new Uint8Array();
    const dryRun = await api.call.wasmContractsApi.dryRunInstantiate(
      signer.address, codeId, bytesArg(initMsg), admin, value, null, null,
    );
    contract.#check(dryRun, entry);
    const tx = api.tx.wasmContracts.instantiate(
      codeId, bytesArg(initMsg), admin, value, dryRun.gasRequired, null, depositLimit(dryRun.storageDeposit),
    );
    const outcome = await submitOk(api, tx, signer);
    contract.address = fields(theEvent(outcome, api.events.wasmContracts.Instantiated)).contract.toString();
    return contract;
  }

  /** `value` as the SCALE encoding of type `typeId`. */
  encode(typeId, value) {
    return this.registry.createTypeUnsafe(this.registry.createLookupType(typeId), [value]).toU8a();
  }

  /** `bytes` decoded as type `typeId`. */
  decode(typeId, bytes) {
    return this.registry.createTypeUnsafe(this.registry.createLookupType(typeId), [bytes]);
  }

  /** Throws a `ContractError` for a failed dry run, with the contract's error decoded. */
  #check(dryRun, entry) {
    if (dryRun.result.isOk) return;
    const error = this.api.registry.findMetaError(dryRun.result.asErr.asModule).name;
    const reverted = entry?.error != null && dryRun.revertMessage.isSome
      ? this.decode(entry.error, dryRun.revertMessage.unwrap().toU8a(true))
      : null;
    throw new ContractError(error, reverted);
  }

  async #execute(entry, message, { signer, value = 0n }) {
    const msg = bytesArg(this.encode(entry.message, message));
    const name = bytesArg(entry.name);
    const dryRun = await this.api.call.wasmContractsApi.dryRunExecute(signer.address, this.address, name, msg, value, null);
    this.#check(dryRun, entry);
    const output = this.decode(entry.output, dryRun.result.asOk.data.toU8a(true));
    const tx = this.api.tx.wasmContracts.execute(
      this.address, name, msg, value, dryRun.gasRequired, depositLimit(dryRun.storageDeposit),
    );
    const outcome = await submitOk(this.api, tx, signer);
    return { output, outcome, events: this.events(outcome) };
  }

  /** The events this contract emitted in `outcome`, decoded through the metadata: `{ topic, data }`. */
  events(outcome) {
    return eventsOf(outcome, this.api.events.wasmContracts.ContractEmitted)
      .map(fields)
      .filter((event) => event.contract.toString() === this.address)
      .map((event) => {
        const topic = new TextDecoder().decode(event.topic.toU8a(true));
        const described = (this.metadata.events ?? []).find((candidate) => candidate.topic === topic);
        const data = event.data.toU8a(true);
        return { topic, data: described ? this.decode(described.data, data) : data };
      });
  }

  async #query(entry, message) {
    const msg = bytesArg(this.encode(entry.message, message));
    const result = await this.api.call.wasmContractsApi.query(this.address, bytesArg(entry.name), msg, null);
    this.#check(result, entry);
    return this.decode(entry.output, result.result.asOk.data.toU8a(true));
  }
}
