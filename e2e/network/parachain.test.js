// Network tests: run by zombienet (zombienet/network.zndsl) against the collator of parachain
// 1000 (WS_URL) on a local relay chain (RELAY_WS_URL, a validator).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { fields, submit, theEvent, useChain } from '../lib/chain.js';
import { fixture, readLe } from '../lib/contracts.js';
import { dryRunExecute, execute, executeTx, instantiate, storageValue, uploadCode } from '../lib/wasm-contracts.js';

const PARA_ID = 1000;
const INCLUSION_TIMEOUT_MS = 300_000;

/** The number of the parachain's head included in the relay chain's finalized block. */
async function finalizedParaHead(relay, api) {
  const finalized = await relay.rpc.chain.getFinalizedHead();
  const head = await (await relay.at(finalized)).query.paras.heads(PARA_ID);
  return api.createType('Header', head.unwrap().toU8a(true)).number.toNumber();
}

/**
 * Waits until a finalized relay chain block includes the parachain's block `number` or a later
 * one: the block was backed, included and finalized.
 */
async function untilIncludedAndFinalized(relay, api, number) {
  const deadline = Date.now() + INCLUSION_TIMEOUT_MS;
  for (;;) {
    const included = await finalizedParaHead(relay, api);
    if (included >= number) return included;
    if (Date.now() > deadline) throw new Error(`block #${number} not finalized on the relay chain, which has #${included}`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
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
});
