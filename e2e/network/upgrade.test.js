// The runtime upgrade that adds the contracts pallet to a live parachain. The network starts on
// the runtime built without the pallet (its `without-contracts` feature); this suite checks the
// upgrade against the live state with try-upgrade (TRY_UPGRADE_BIN), authorises and applies the
// runtime with the pallet (UPGRADE_WASM) through sudo as a parachain team does, and checks every
// step on chain.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, xxhashAsU8a } from '@polkadot/util-crypto';
import { fields, submitOk, theEvent } from '../lib/chain.js';
import { fixture, instanceAddress, readLe } from '../lib/contracts.js';
import { toolBinary } from '../lib/tool.js';
import { waitFor } from '../lib/wait.js';
import { execute, instantiate, storageValue, uploadCode } from '@wasm-contracts/client';

const PARA_ID = 1000;
// How long each step of the upgrade may take; a test's limit is a few of them, so a collator
// that stops answering (a subscription polkadot.js renews on reconnection waits forever) fails it.
const ENACTMENT_TIMEOUT_MS = 300_000;
const ENACTMENT_POLL = { timeoutMs: ENACTMENT_TIMEOUT_MS, intervalMs: 3_000 };

/** Where FRAME keeps a pallet's storage version. */
function storageVersionKey(pallet) {
  return u8aToHex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(':__STORAGE_VERSION__:', 128)));
}

/** Connects to `url`; a node that does not answer fails the call and leaves no connection retrying. */
async function connect(url) {
  const provider = new WsProvider(url, 1_000);
  try {
    return await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  } catch (error) {
    await provider.disconnect();
    throw error;
  }
}

describe('the runtime upgrade that adds the contracts pallet to parachain 1000', () => {
  const code = readFileSync(process.env.UPGRADE_WASM ?? '');
  const codeHash = blake2AsHex(code, 256);
  let api;
  let relay;
  let alice;
  let specBefore;

  before(async () => {
    for (const name of ['WS_URL', 'RELAY_WS_URL', 'UPGRADE_WASM', 'TRY_UPGRADE_BIN']) {
      assert.ok(process.env[name], `${name} is set (zombienet/run.sh sets it)`);
    }
    api = await connect(process.env.WS_URL);
    relay = await connect(process.env.RELAY_WS_URL);
    alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  });
  after(async () => {
    await api?.disconnect();
    await relay?.disconnect();
  });

  it('starts on a runtime without the pallet', async () => {
    specBefore = api.runtimeVersion.specVersion.toNumber();
    assert.equal(api.tx.wasmContracts, undefined, 'no contracts calls before the upgrade');
    assert.equal(api.query.wasmContracts, undefined, 'no contracts storage before the upgrade');
    const version = await api.rpc.state.getStorage(storageVersionKey('WasmContracts'));
    assert.ok(version.isNone, 'the pallet has no storage version yet');
    // The contract tool says so, with the exit code of a chain without the pallet.
    const tool = spawnSync(toolBinary(), ['--output-json', 'info', 'code', '0', '--url', process.env.WS_URL], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(tool.status, 11, tool.stderr);
    assert.match(JSON.parse(tool.stdout).error.message, /has no wasm-contracts pallet/);
  });

  it('passes the try-runtime checks against the live state', () => {
    const run = spawnSync(process.env.TRY_UPGRADE_BIN, [process.env.WS_URL], { encoding: 'utf8', timeout: 300_000 });
    process.stdout.write(run.stdout ?? '');
    assert.equal(run.status, 0, `try-upgrade failed: ${run.stderr}`);
    assert.match(run.stdout, /migrations and checks passed; contracts storage version StorageVersion\(0\) -> StorageVersion\(\d+\)/);
  });

  it('is authorised through sudo, applied, enacted by the relay chain and runs on the parachain', { timeout: 3 * ENACTMENT_TIMEOUT_MS }, async () => {
    const authorised = await submitOk(api, api.tx.sudo.sudo(api.tx.system.authorizeUpgrade(codeHash)), alice);
    assert.ok(fields(theEvent(authorised, api.events.sudo.Sudid)).sudoResult.isOk, 'sudo dispatched the call');
    assert.equal(fields(theEvent(authorised, api.events.system.UpgradeAuthorized)).codeHash.toHex(), codeHash);
    assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), codeHash);

    // Anyone may submit the authorised code; parachain-system hands it to the relay chain.
    const applied = await submitOk(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), alice);
    theEvent(applied, api.events.parachainSystem.ValidationFunctionStored);
    assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'the authorisation is used up');

    // The relay chain holds the code as the parachain's future code while its validators
    // pre-check it; code that leaves that place without becoming current was rejected.
    const enacted = async () => {
      const current = await relay.query.paras.currentCodeHash(PARA_ID);
      return current.isSome && current.unwrap().toHex() === codeHash;
    };
    let preChecking = false;
    await waitFor('the relay chain enacts the new validation code', async () => {
      if (await enacted()) return true;
      const future = await relay.query.paras.futureCodeHash(PARA_ID);
      if (future.isSome && future.unwrap().toHex() === codeHash) preChecking = true;
      // Read again: the code may have moved from future to current between the two reads.
      else if (preChecking && !(await enacted())) {
        throw new Error('the relay chain dropped the new validation code without enacting it (its pre-check rejected it)');
      }
      return undefined;
    }, ENACTMENT_POLL);
    const spec = await waitFor('the parachain runs the new runtime', async () => {
      const version = await api.rpc.state.getRuntimeVersion();
      return version.specVersion.toNumber() > specBefore ? version.specVersion.toNumber() : undefined;
    }, ENACTMENT_POLL);
    console.log(`runtime upgraded from spec_version ${specBefore} to ${spec}`);
  });

  it('initialises the pallet in its migration, and contracts work', { timeout: ENACTMENT_TIMEOUT_MS }, async () => {
    // A fresh connection reads the new metadata.
    const upgraded = await connect(process.env.WS_URL);
    try {
      assert.ok(upgraded.tx.wasmContracts, 'the contracts calls are there');
      const version = await upgraded.rpc.state.getStorage(storageVersionKey('WasmContracts'));
      assert.ok(version.isSome, 'the migration wrote the storage version');
      const palletVersion = upgraded.createType('u16', version.unwrap()).toNumber();
      assert.ok(palletVersion >= 3, `storage version ${palletVersion}`);
      const parameters = await upgraded.rpc.state.getStorage(upgraded.query.wasmContracts.parameters.key());
      assert.ok(parameters.isSome, 'the migration wrote the parameters');
      assert.ok((await upgraded.query.wasmContracts.parameters()).maxContractGas.refTime.toBigInt() > 0n);

      // Counters start where a chain with the pallet at genesis starts them.
      const { codeId } = await uploadCode(upgraded, alice, await fixture('counter'));
      assert.equal(codeId, 1n, 'the first code id');
      const { contract } = await instantiate(upgraded, alice, codeId);
      assert.equal(contract, instanceAddress(codeId, 0n, upgraded.registry.chainSS58), 'the first instance');
      const outcome = await execute(upgraded, alice, contract, 'increment');
      const output = fields(theEvent(outcome, upgraded.events.wasmContracts.Executed)).output.unwrap();
      assert.equal(readLe(output.toU8a(true)), 1n);
      assert.equal(readLe(await storageValue(upgraded, contract, 'counter')), 1n);
    } finally {
      await upgraded.disconnect();
    }
  });
});
