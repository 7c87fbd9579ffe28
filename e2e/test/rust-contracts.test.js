// The Rust examples (contracts/examples) on the dev node, driven through their metadata:
// typed messages in, typed results and errors out.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { decodeAddress } from '@polkadot/util-crypto';
import { eventsOf, fields, useChain } from '../lib/chain.js';
import { contractMetadata, contractModule, ContractError, TypedContract } from '../lib/typed-contract.js';
import { jsBlocks, program } from '../lib/snippets.js';
import { uploadCode } from '@wasm-contracts/client';

const GUIDE = new URL('../../contracts/README.md', import.meta.url);

describe('Rust contracts through their metadata', () => {
  const chain = useChain('rust-contracts');
  let api, alice, bob;

  before(async () => {
    ({ api, alice, bob } = chain);
  });

  it('mints, transfers and reads balances of the Rust token, and decodes its errors', async () => {
    const metadata = contractMetadata('token');
    const { codeId } = await uploadCode(api, alice, contractModule('token'));
    const token = await TypedContract.instantiate(api, metadata, codeId, null, { signer: alice });
    const [aliceKey, bobKey] = [decodeAddress(alice.address), decodeAddress(bob.address)];

    await token.tx.mint({ to: aliceKey, amount: 1_000n }, { signer: alice });
    const { output, outcome, events } = await token.tx.transfer({ to: bobKey, amount: 300n }, { signer: alice });
    assert.equal(output.toHex(), '0x', 'transfer returns ()');
    assert.deepEqual(events.map((decoded) => decoded.topic), ['transfer']);
    assert.equal(events[0].data.from.unwrap().toHex(), `0x${Buffer.from(aliceKey).toString('hex')}`);
    assert.equal(events[0].data.to.toHex(), `0x${Buffer.from(bobKey).toString('hex')}`);
    const [emitted] = eventsOf(outcome, api.events.wasmContracts.ContractEmitted);
    const event = fields(emitted);
    assert.equal(event.contract.toString(), token.address);
    assert.equal(new TextDecoder().decode(event.topic.toU8a(true)), 'transfer');

    assert.equal((await token.query.balanceOf(aliceKey)).toBigInt(), 700n);
    assert.equal((await token.query.balanceOf(bobKey)).toBigInt(), 300n);
    assert.equal((await token.query.totalSupply(null)).toBigInt(), 1_000n);

    await assert.rejects(token.tx.transfer({ to: aliceKey, amount: 301n }, { signer: bob }), (error) => {
      assert.ok(error instanceof ContractError);
      assert.equal(error.error, 'ContractReverted');
      assert.equal(error.reverted.type, 'InsufficientBalance');
      return true;
    });
    await assert.rejects(token.tx.mint({ to: bobKey, amount: 1n }, { signer: bob }), (error) => error.reverted?.type === 'NotOwner');
  });

  it('creates, funds and calls counters through the Rust factory', async () => {
    const counterCode = (await uploadCode(api, alice, contractModule('counter'))).codeId;
    const factoryCode = (await uploadCode(api, alice, contractModule('factory'))).codeId;
    const unit = 10n ** BigInt(api.registry.chainDecimals[0]);
    const factory = await TypedContract.instantiate(api, contractMetadata('factory'), factoryCode, counterCode, {
      signer: alice, value: unit,
    });

    const { output: counter } = await factory.tx.create(null, { signer: bob, value: 2n * unit });
    const counters = await factory.query.counters(null);
    assert.equal(counters.length, 1);
    assert.equal(counters[0].toHex(), counter.toHex());

    assert.equal((await factory.tx.increment(0, { signer: bob })).output.toNumber(), 1);
    assert.equal((await factory.tx.increment(0, { signer: alice })).output.toNumber(), 2);
    const typedCounter = new TypedContract(api, contractMetadata('counter'), counter.toU8a());
    assert.equal((await typedCounter.query.get(null)).toNumber(), 2);

    await assert.rejects(factory.tx.increment(5, { signer: bob }), (error) => error.reverted?.type === 'UnknownCounter');
  });

  it("runs contracts/README.md's polkadot.js script on the example token", async () => {
    const [script] = jsBlocks(GUIDE, '## From JavaScript');
    // The script runs in `e2e/`.
    const run = program([script], { url: chain.url, results: ['token', 'bobHolds', 'events'], base: new URL('../', import.meta.url) });
    const { token, bobHolds, events } = await run();
    assert.equal(bobHolds.toBigInt(), 300n);
    assert.equal(events[0].topic, 'transfer');
    assert.equal(events[0].data.amount.toBigInt(), 300n);
    // The script disconnected its API; the suite's reads the token it left on the chain.
    const onChain = new TypedContract(api, contractMetadata('token'), token.address);
    assert.equal((await onChain.query.totalSupply(null)).toBigInt(), 1_000n);
  });
});
