// Network tests: run by zombienet (zombienet/network.zndsl) against the collator of parachain
// 1000 (WS_URL) on a local relay chain (RELAY_WS_URL, a validator).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { contractParams, fields, submit, submitOk, theEvent, useChain } from '../lib/chain.js';
import { fixture, gzip, readLe } from '../lib/contracts.js';
import { WaitTimeout, waitFor } from '../lib/wait.js';
import {
  depositLimit, dryRunExecute, execute, executeTx, instantiate, storageValue, uploadCode,
} from '@wasm-contracts/client';

const PARA_ID = 1000;
const INCLUSION_TIMEOUT_MS = 300_000;
// The bulk_values fixture stores at most this many values per call. Writing a new key is
// charged the proof of the path to it (about 5 KB) and, while it runs, reserves the proof of the
// largest old value, so such a call stays far below a call's proof limit (about 0.5 MiB of the
// 3 MiB) and several fit a block.
const FILL_PER_CALL = 100;
// The first key of the values the shrink test overwrites, apart from those the delete test deletes.
const SHRUNK_FIRST = 100_000;

/** The number of the parachain's head included in the relay chain's finalized block. */
async function finalizedParaHead(relay, api) {
  const finalized = await relay.rpc.chain.getFinalizedHead();
  const head = await (await relay.at(finalized)).query.paras.heads(PARA_ID);
  return api.createType('Header', head.unwrap().toU8a(true)).number.toNumber();
}

/** Little-endian u32s: the inputs of the bulk_values fixture, and its keys. */
function u32s(...values) {
  return new Uint8Array(new Uint32Array(values).buffer);
}

/**
 * Stores incompressible values of `len` bytes under the keys of `ranges` (`[first, count]`
 * pairs) of the bulk_values contract: calls of at most FILL_PER_CALL values, each with the gas
 * and deposit limits of its dry run, signed with consecutive nonces and submitted together, so
 * that they take as many blocks as their weights need. Returns the numbers of those blocks.
 */
async function fillValues(api, signer, contract, ranges, len) {
  const calls = [];
  for (const [first, count] of ranges) {
    for (let start = first; start < first + count; start += FILL_PER_CALL) {
      const input = u32s(start, Math.min(FILL_PER_CALL, first + count - start), len);
      const dryRun = await dryRunExecute(api, signer.address, contract, 'fill', input);
      assert.ok(dryRun.result.isOk, `fill: ${dryRun.result.toString()}`);
      calls.push(executeTx(api, contract, 'fill', input, dryRun.gasRequired, 0n, depositLimit(dryRun.storageDeposit)));
    }
  }
  const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const signed = await Promise.all(calls.map((tx, index) => tx.signAsync(signer, { nonce: nonce + index })));
  const outcomes = await Promise.all(signed.map((tx) => submitOk(api, tx)));
  const blocks = [...new Set(outcomes.map((outcome) => outcome.blockHash.toHex()))];
  return Promise.all(blocks.map(async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber()));
}

/** Dry-runs `entry` of the bulk_values contract over the keys first..first+count. */
function dryRunOver(api, origin, contract, entry, first, count) {
  return dryRunExecute(api, origin, contract, entry, u32s(first, count));
}

/**
 * The most of the `filled` values stored from key `first` that one `entry` call may act on,
 * searched by dry runs from `estimate`: the call over that many succeeds and the one over one
 * more runs out of gas.
 */
async function mostInOneCall(api, origin, contract, entry, first, filled, estimate) {
  const fits = async (count) => (await dryRunOver(api, origin, contract, entry, first, count)).result.isOk;
  let most = Math.min(estimate, filled - 1);
  while (most + 1 < filled && (await fits(most + 1))) most += 1;
  while (most > 0 && !(await fits(most))) most -= 1;
  assert.ok(most > 0, `${entry} over one value does not fit a call`);
  const over = await dryRunOver(api, origin, contract, entry, first, most + 1);
  assert.ok(over.result.isErr, `${entry} over ${most + 1} values fits one call: fill more than ${filled} values`);
  assert.equal(api.registry.findMetaError(over.result.asErr.asModule).name, 'OutOfGas');
  return most;
}

/**
 * Waits until a finalized relay chain block includes the parachain's block `number` or a later
 * one: the block was backed, included and finalized.
 */
async function untilIncludedAndFinalized(relay, api, number) {
  let included;
  try {
    return await waitFor(`the relay chain finalizes parachain block #${number}`, async () => {
      included = await finalizedParaHead(relay, api);
      return included >= number ? included : undefined;
    }, { timeoutMs: INCLUSION_TIMEOUT_MS, intervalMs: 3_000 });
  } catch (error) {
    if (error instanceof WaitTimeout) error.message += `; it has #${included}`;
    throw error;
  }
}

describe('parachain 1000 through its collator', () => {
  const chain = useChain('network');
  let relay;

  before(async () => {
    assert.ok(process.env.RELAY_WS_URL, 'RELAY_WS_URL names a relay chain node');
    relay = await ApiPromise.create({ provider: new WsProvider(process.env.RELAY_WS_URL), noInitWarn: true });
  });
  after(async () => relay?.disconnect());

  it('uploads, instantiates and executes a contract, reads its result back, and the relay chain finalizes its block', async () => {
    const { api, alice } = chain;
    const { codeId } = await uploadCode(api, alice, await fixture('counter'));
    const { contract } = await instantiate(api, alice, codeId);
    const outcome = await execute(api, alice, contract, 'increment');
    const output = fields(theEvent(outcome, api.events.wasmContracts.Executed)).output.unwrap();
    assert.equal(readLe(output.toU8a(true)), 1n, 'Executed carries the new value');
    assert.equal(readLe(await storageValue(api, contract, 'counter')), 1n);
    const block = (await api.rpc.chain.getHeader(outcome.blockHash)).number.toNumber();
    await untilIncludedAndFinalized(relay, api, block);
  });

  it('has a block filled with the heaviest calls the weights allow backed, included and finalized', async () => {
    const { api, alice } = chain;
    const { codeId } = await uploadCode(api, alice, await fixture('faults'));
    const { contract } = await instantiate(api, alice, codeId);
    // Calls that loop until they are out of gas, each a third of a block's normal weight: the
    // block builder fits as many as the block's weight allows, all of it wasm execution.
    const normal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap();
    const { maxContractGas } = (await api.query.wasmContracts.parameters()).toJSON();
    const refTime = BigInt(normal.refTime.toString()) / 3n;
    assert.ok(refTime <= BigInt(maxContractGas.refTime), 'a third of a block is a valid gas limit');
    const gasLimit = { refTime, proofSize: 1_000_000n };
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const signed = await Promise.all(Array.from({ length: 4 }, (_, index) =>
      executeTx(api, contract, 'loop_forever', new Uint8Array(), gasLimit).signAsync(alice, { nonce: nonce + index })));
    const outcomes = await Promise.all(signed.map((tx) => submit(api, tx)));
    const blocks = new Set();
    for (const outcome of outcomes) {
      assert.equal(outcome.error?.name, 'OutOfGas');
      blocks.add(outcome.blockHash.toHex());
    }
    const numbers = await Promise.all([...blocks].map(async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber()));
    const fullest = Math.max(...numbers);
    const weight = (await (await api.at([...blocks][numbers.indexOf(fullest)])).query.system.blockWeight()).normal.refTime.toBigInt();
    console.log(`heavy calls in blocks ${numbers.join(', ')}; block #${fullest} used ${weight} ps of normal weight`);
    assert.ok(weight >= refTime * 2n, 'a block holds at least two of the heavy calls');
    await untilIncludedAndFinalized(relay, api, fullest);
  });

  it('has a block with the most event bytes the budgets allow backed, included and finalized', async () => {
    const { api, alice } = chain;
    const { codeId } = await uploadCode(api, alice, await fixture('events'));
    const { contract } = await instantiate(api, alice, codeId);
    // 240 events of 4 KiB are just under a call's 1 MiB budget; four such calls fill the
    // block's 4 MiB, and a fifth in the same block is refused with EventBudgetExceeded.
    const count = new Uint8Array(new Uint32Array([240]).buffer);
    const dryRun = await dryRunExecute(api, alice.address, contract, 'emit', count);
    assert.ok(dryRun.result.isOk, dryRun.result.toString());
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const signed = await Promise.all(Array.from({ length: 5 }, (_, index) =>
      executeTx(api, contract, 'emit', count, dryRun.gasRequired).signAsync(alice, { nonce: nonce + index })));
    const outcomes = await Promise.all(signed.map((tx) => submit(api, tx)));
    const bytesByBlock = new Map();
    for (const outcome of outcomes) {
      const emitted = outcome.events
        .filter((event) => api.events.wasmContracts.ContractEmitted.is(event))
        .reduce((sum, event) => sum + fields(event).data.length, 0);
      const hash = outcome.blockHash.toHex();
      bytesByBlock.set(hash, (bytesByBlock.get(hash) ?? 0) + emitted);
      assert.ok(!outcome.error || outcome.error.name === 'EventBudgetExceeded', outcome.error?.name);
    }
    const [fullest, bytes] = [...bytesByBlock].sort((a, b) => b[1] - a[1])[0];
    console.log(`event data per block: ${[...bytesByBlock.values()].join(', ')} bytes`);
    assert.ok(bytes >= 3 * 1024 * 1024, 'one block holds more than 3 MiB of contract events');
    const number = (await api.rpc.chain.getHeader(fullest)).number.toNumber();
    await untilIncludedAndFinalized(relay, api, number);
  });

  // Deleting or overwriting a stored value proves the whole old value (its length is read for
  // the storage deposit), so a call over many of the largest values puts the most bytes in its
  // block's proof of validity. The pallet charges each such value's proof, which bounds how many
  // one call may delete or shrink; that many must make a block the relay chain backs and includes.
  describe('the most large values one call may delete or shrink', () => {
    let contract;
    let len;
    let limit;
    const estimate = {};
    const filled = {};
    let fillBlocks;

    before(async () => {
      const { api, alice } = chain;
      const params = await contractParams(api);
      // The largest value a key may hold (16 KiB by default), the size whose proof is reserved.
      len = params.maxStorageValueLen.toNumber();
      // The most proof a call may use: `max_contract_gas`'s, or the dry runs' cap if it is lower.
      limit = [params.maxContractGas.proofSize.toBigInt(), params.queryGasCap.proofSize.toBigInt()]
        .reduce((a, b) => (a < b ? a : b));
      const { codeId } = await uploadCode(api, alice, await fixture('bulk_values'));
      ({ contract } = await instantiate(api, alice, codeId));
      // Two values, to price from dry runs one more value in a call: the first one also pays the
      // call's fixed costs, the second only its own.
      const probeBlocks = await fillValues(api, alice, contract, [[0, 2]], len);
      for (const entry of ['delete', 'shrink']) {
        const [one, two] = await Promise.all([1, 2].map(async (count) => {
          const dryRun = await dryRunOver(api, alice.address, contract, entry, 0, count);
          assert.ok(dryRun.result.isOk, `${entry}: ${dryRun.result.toString()}`);
          return dryRun.gasRequired.proofSize.toBigInt();
        }));
        estimate[entry] = Number((limit - one) / (two - one)) + 1;
        // One more, to show that a call over one more runs out of gas, and one in case the
        // estimate is one short.
        filled[entry] = estimate[entry] + 2;
      }
      // The values to delete from key 0 (0 and 1 are there) and those to shrink, in blocks before
      // the calls that delete or shrink them, so that their blocks read them from the state.
      fillBlocks = [...probeBlocks, ...await fillValues(api, alice, contract,
        [[2, filled.delete - 2], [SHRUNK_FIRST, filled.shrink]], len)];
    });

    /**
     * Submits one `entry` call over the `count` values from key `first` with the gas and deposit
     * limits of its dry run, checks that it succeeded and that the proof recorded for it holds
     * every old value and stays within what the pallet charged, and waits until its block is
     * backed, included and finalized by the relay chain.
     */
    async function oneCallOver(t, entry, first, count) {
      const { api, alice } = chain;
      const input = u32s(first, count);
      const dryRun = await dryRunOver(api, alice.address, contract, entry, first, count);
      assert.ok(dryRun.result.isOk, `${entry}: ${dryRun.result.toString()}`);
      const tx = executeTx(api, contract, entry, input, dryRun.gasRequired, 0n, depositLimit(dryRun.storageDeposit));
      const outcome = await submitOk(api, tx, alice);
      // What the pallet's gas meter charged the call (its dispatch adds the fixed weight of
      // `execute`). StorageWeightReclaim reports the proof the node recorded for the extrinsic
      // when that is less, and the whole charge when the node recorded more than it.
      const charged = dryRun.gasConsumed.proofSize.toBigInt();
      const { dispatchInfo } = fields(theEvent(outcome, api.events.system.ExtrinsicSuccess));
      const reported = dispatchInfo.weight.proofSize.toBigInt();
      const blockWeight = await (await api.at(outcome.blockHash)).query.system.blockWeight();
      const blockProof = ['normal', 'operational', 'mandatory']
        .reduce((sum, dispatchClass) => sum + blockWeight[dispatchClass].proofSize.toBigInt(), 0n);
      const maxBlockProof = api.consts.system.blockWeights.maxBlock.proofSize.toBigInt();
      const number = (await api.rpc.chain.getHeader(outcome.blockHash)).number.toNumber();
      t.diagnostic(`values filled in blocks ${fillBlocks.join(', ')}; ${entry} of ${count} values of ${len} bytes ` +
        `in block #${number}`);
      t.diagnostic(`proof_size: charged ${charged} (gas_required ${dryRun.gasRequired.proofSize}, a call's limit ` +
        `${limit}), reported by ExtrinsicSuccess ${reported}; the block's proof weight ${blockProof} of ${maxBlockProof}`);
      assert.ok(reported >= BigInt(count * len), `the node recorded every old value: ${reported} bytes of proof`);
      assert.ok(reported <= charged, `the node recorded ${reported} bytes of proof, more than the ${charged} charged`);
      assert.ok(blockProof <= maxBlockProof, `the block's proof weight ${blockProof} is within ${maxBlockProof}`);
      await untilIncludedAndFinalized(relay, api, number);
    }

    it('has a block deleting the most large values one call may backed, included and finalized', async (t) => {
      const { api, alice } = chain;
      const last = await storageValue(api, contract, u32s(filled.delete - 1));
      assert.equal(last?.length, len, 'the values are as large as a key may hold');
      assert.ok(gzip(last).length > len * 0.99, 'and incompressible');
      const count = await mostInOneCall(api, alice.address, contract, 'delete', 0, filled.delete, estimate.delete);
      await oneCallOver(t, 'delete', 0, count);
      assert.equal(await storageValue(api, contract, u32s(0)), null, 'the first value is deleted');
      assert.equal(await storageValue(api, contract, u32s(count - 1)), null, 'the last value is deleted');
      assert.equal((await storageValue(api, contract, u32s(count)))?.length, len, 'the value past them is kept');
    });

    it('has a block shrinking to one byte the most large values one call may backed, included and finalized', async (t) => {
      const { api, alice } = chain;
      const count = await mostInOneCall(
        api, alice.address, contract, 'shrink', SHRUNK_FIRST, filled.shrink, estimate.shrink,
      );
      await oneCallOver(t, 'shrink', SHRUNK_FIRST, count);
      for (const key of [SHRUNK_FIRST, SHRUNK_FIRST + count - 1]) {
        const value = await storageValue(api, contract, u32s(key));
        assert.equal(value?.length, 1, `value ${key} is one byte`);
        assert.equal(value[0], 1);
      }
      const past = await storageValue(api, contract, u32s(SHRUNK_FIRST + count));
      assert.equal(past?.length, len, 'the value past them is kept');
    });
  });
});
