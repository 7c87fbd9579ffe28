// The pallet's calls and runtime API as a user drives them from polkadot.js.

import { bytesArg } from './bytes.js';
import { fields, submitOk, theEvent } from './chain.js';

/** Uploads `code` as `signer` (no deposit limit); returns the `CodeUploaded` event's fields and the outcome. */
export async function uploadCode(api, signer, code) {
  const outcome = await submitOk(api, api.tx.wasmContracts.uploadCode(bytesArg(code), null), signer);
  const { codeId, codeHash, uploader, codeSize } = fields(theEvent(outcome, api.events.wasmContracts.CodeUploaded));
  return { codeId: codeId.toBigInt(), codeHash, uploader, codeSize: codeSize.toNumber(), outcome };
}

/** The storage deposit limit a dry run's `storageDeposit` asks for: its charge, or none for a refund. */
export function depositLimit(storageDeposit) {
  return storageDeposit.isCharge ? storageDeposit.asCharge : 0n;
}

/**
 * Instantiates `codeId` as `signer` with the gas limit and storage deposit limit a dry run
 * says it needs; returns the new contract's address and the outcome.
 */
export async function instantiate(api, signer, codeId, { initMsg = new Uint8Array(), admin = null, value = 0n, salt = null } = {}) {
  const dryRun = await api.call.wasmContractsApi.dryRunInstantiate(
    signer.address, codeId, bytesArg(initMsg), admin, value, null, salt && bytesArg(salt),
  );
  const tx = api.tx.wasmContracts.instantiate(
    codeId, bytesArg(initMsg), admin, value, dryRun.gasRequired, salt && bytesArg(salt), depositLimit(dryRun.storageDeposit),
  );
  const outcome = await submitOk(api, tx, signer);
  const event = fields(theEvent(outcome, api.events.wasmContracts.Instantiated));
  return { contract: event.contract.toString(), event, outcome };
}

/** The `execute` extrinsic for `entryPoint` (a string) of `contract`; `storageDepositLimit` null: no limit. */
export function executeTx(api, contract, entryPoint, msg, gasLimit, value = 0n, storageDepositLimit = null) {
  return api.tx.wasmContracts.execute(contract, bytesArg(entryPoint), bytesArg(msg), value, gasLimit, storageDepositLimit);
}

/** Dry-runs `execute` as `origin` with the largest gas limit; returns the `ContractResult`. */
export function dryRunExecute(api, origin, contract, entryPoint, msg = new Uint8Array(), { value = 0n, gasLimit = null } = {}) {
  return api.call.wasmContractsApi.dryRunExecute(origin, contract, bytesArg(entryPoint), bytesArg(msg), value, gasLimit);
}

/**
 * Executes `entryPoint` of `contract` as `signer` with the gas and storage deposit a dry run
 * says it needs (the extrinsic fails with the dry run's error when it would fail). Returns the
 * outcome.
 */
export async function execute(api, signer, contract, entryPoint, msg = new Uint8Array()) {
  const dryRun = await dryRunExecute(api, signer.address, contract, entryPoint, msg);
  // A failing dry run reports the gas used until the failure; the real call fails the same way.
  const tx = executeTx(api, contract, entryPoint, msg, dryRun.gasRequired, 0n, depositLimit(dryRun.storageDeposit));
  return submitOk(api, tx, signer);
}

/** Runs `entryPoint` of `contract` read-only through the runtime API; returns the `ContractResult`. */
export function query(api, contract, entryPoint, msg = new Uint8Array()) {
  return api.call.wasmContractsApi.query(contract, bytesArg(entryPoint), bytesArg(msg), null);
}

/** The raw value under `key` (a string or bytes) in `contract`'s storage, or null when absent. */
export async function storageValue(api, contract, key) {
  const result = await api.call.wasmContractsApi.getStorage(contract, bytesArg(key));
  if (result.isErr) throw new Error(`getStorage(${contract}): ${result.asErr.type}`);
  const value = result.asOk;
  return value.isSome ? value.unwrap().toU8a(true) : null;
}
