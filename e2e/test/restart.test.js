// A dev node killed with SIGKILL in the middle of contract traffic and started again on its
// database: what was included before the kill is still there with the same state, the deletion
// queue of a terminated contract picks up where it stopped, blocks come again, and the
// transactions the kill lost from the pool go through when sent again (docs/runtime.md, "After a
// fault").

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { SIGNED_EXTENSIONS, submitOk } from '../lib/chain.js';
import { accountBytes, fixture, readLe, u64, watToWasm } from '../lib/contracts.js';
import { startNode } from '../lib/node.js';
import { depositLimit, dryRunExecute, execute, executeTx, instantiate, query, uploadCode } from '@wasm-contracts/client';

// Writes `count` one-byte values under the 4-byte little-endian keys `start..start + count`
// (input: start and count, u32 LE each); `terminate` ends the contract (input: beneficiary).
const FILLER = `(module
  (import "env" "get_input" (func $get_input (result i64)))
  (import "env" "storage_write" (func $storage_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "terminate" (func $terminate (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 8) "\\01")
  (func $input (result i32) (i32.wrap_i64 (i64.shr_u (call $get_input) (i64.const 32))))
  (func (export "fill")
    (local $at i32) (local $index i32) (local $end i32)
    (local.set $at (call $input))
    (local.set $index (i32.load (local.get $at)))
    (local.set $end (i32.add (local.get $index) (i32.load offset=4 (local.get $at))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $index) (local.get $end)))
      (i32.store (i32.const 0) (local.get $index))
      (drop (call $storage_write (i32.const 0) (i32.const 4) (i32.const 8) (i32.const 1)))
      (local.set $index (i32.add (local.get $index) (i32.const 1)))
      (br $next))))
  (func (export "terminate") (call $terminate (call $input))))`;
// A block's idle weight removes about 4,800 keys (its 5 MiB of proof at 1,086 bytes a key); a
// call writes 500 (each new key adds about 4 KB of proof). With instant sealing, the
// termination's block and one block per transfer after it can be built before the kill: nine
// blocks, up to 43,000 keys. 60,000 leave the deletion under way whatever the timing.
const FILL_CALLS = 120;
const KEYS_PER_CALL = 500;
// Transfers sent before the termination, after it, and held back until after the restart.
const TRANSFERS_BEFORE = 8;
const TRANSFERS_AFTER = 8;
const TRANSFERS_HELD = 8;
const TRANSFERS = TRANSFERS_BEFORE + TRANSFERS_AFTER + TRANSFERS_HELD;

function connect(url) {
  return ApiPromise.create({ provider: new WsProvider(url, 1_000), noInitWarn: true, throwOnConnect: true, signedExtensions: SIGNED_EXTENSIONS });
}

/** `[start, count]` as the filler's input. */
function range(start, count) {
  const input = new Uint8Array(8);
  new DataView(input.buffer).setUint32(0, start, true);
  new DataView(input.buffer).setUint32(4, count, true);
  return input;
}

/** Whether keys are left in the child trie `trieId` of a contract: 1 or 0. */
async function trieKeys(api, trieId) {
  const storageKey = `0x${Buffer.from(':child_storage:default:wasm-contracts:v4:').toString('hex')}${trieId.slice(2)}`;
  return (await api.rpc.childstate.getKeysPaged(storageKey, '0x', 1, null)).length;
}

/** Contracts still queued for deletion. */
async function queuedDeletions(api) {
  const bounds = await api.query.wasmContracts.deletionQueueBounds();
  return bounds.tail.toNumber() - bounds.head.toNumber();
}

describe('a dev node killed in the middle of contract traffic and restarted on its database', () => {
  const basePath = mkdtempSync(join(tmpdir(), 'wasm-contracts-restart-'));
  let node;
  let api;
  let alice;
  let bob;
  let token;
  let filler;
  let trieId;
  let transfers;

  before(async () => {
    node = await startNode({ name: 'restart', basePath });
    api = await connect(node.url);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');

    const tokenCode = (await uploadCode(api, alice, await fixture('token'))).codeId;
    ({ contract: token } = await instantiate(api, alice, tokenCode));
    await execute(api, alice, token, 'mint', new Uint8Array([...accountBytes(alice.address), ...u64(1_000_000n)]));
    // Bob's first token: the transfers below then update his balance, as the dry run that
    // prices them does (a first transfer to an account writes a new key, and costs less).
    await execute(api, alice, token, 'transfer', new Uint8Array([...accountBytes(bob.address), ...u64(1n)]));

    // A contract with more storage than one block's idle weight removes; the traffic below
    // terminates it, so its deletion spans blocks and is under way at the kill.
    const fillerCode = (await uploadCode(api, alice, await watToWasm(FILLER, 'filler.wat'))).codeId;
    ({ contract: filler } = await instantiate(api, alice, fillerCode));
    for (let call = 0; call < FILL_CALLS; call += 1) {
      await execute(api, alice, filler, 'fill', range(call * KEYS_PER_CALL, KEYS_PER_CALL));
    }
    trieId = (await api.call.wasmContractsApi.contractInfo(filler)).unwrap().trieId.toHex();
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
    rmSync(basePath, { recursive: true, force: true });
  });

  async function balanceOf(account) {
    const result = await query(api, token, 'balance', accountBytes(account));
    assert.ok(result.result.isOk, `balance query failed: ${result.result.toString()}`);
    return readLe(result.result.asOk.data.toU8a(true));
  }

  it('keeps every transaction included before the kill, with the same state, after the restart', async () => {
    // Transfers of 1 token to Bob and the filler's termination, signed ahead with consecutive
    // nonces and sent without waiting, as a wallet sends a batch; the node is killed as soon as
    // the termination is in a block, the transfers after it on their way (in the pool, or in
    // blocks already) and the batch's last ones not sent yet.
    const msg = new Uint8Array([...accountBytes(bob.address), ...u64(1n)]);
    const transferGas = (await dryRunExecute(api, alice.address, token, 'transfer', msg)).gasRequired;
    const end = accountBytes(alice.address);
    const endDryRun = await dryRunExecute(api, alice.address, filler, 'terminate', end);
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    transfers = [];
    const sign = async (tx, what) => {
      await tx.signAsync(alice, { nonce, era: 0 });
      const signed = { hex: tx.toHex(), hash: tx.hash.toHex(), nonce, what, block: null };
      nonce += 1;
      return signed;
    };
    for (let i = 0; i < TRANSFERS_BEFORE; i += 1) transfers.push(await sign(executeTx(api, token, 'transfer', msg, transferGas), 'transfer'));
    const termination = await sign(executeTx(api, filler, 'terminate', end, endDryRun.gasRequired, 0n, depositLimit(endDryRun.storageDeposit)), 'terminate');
    for (let i = 0; i < TRANSFERS_AFTER + TRANSFERS_HELD; i += 1) transfers.push(await sign(executeTx(api, token, 'transfer', msg, transferGas), 'transfer'));
    const sent = [...transfers.slice(0, TRANSFERS_BEFORE), termination, ...transfers.slice(TRANSFERS_BEFORE, TRANSFERS_BEFORE + TRANSFERS_AFTER)];

    let terminated;
    const terminationInBlock = new Promise((resolve) => { terminated = resolve; });
    for (const tx of sent) {
      api.rpc.author.submitAndWatchExtrinsic(tx.hex, (status) => {
        if (status.isInBlock && tx.block === null) {
          tx.block = status.asInBlock.toHex();
          if (tx === termination) terminated();
        }
      }).catch(() => {});
    }
    await terminationInBlock;
    const holdsAt = await (await api.at(termination.block)).query.balances.holds(alice.address);
    await node.kill();
    const inBlocks = sent.filter((tx) => tx.block !== null);
    await api.disconnect();

    node = await startNode({ name: 'restart-again', basePath });
    api = await connect(node.url);
    for (const tx of inBlocks) {
      const block = await api.rpc.chain.getBlock(tx.block);
      const hashes = block.block.extrinsics.map((extrinsic) => extrinsic.hash.toHex());
      assert.ok(hashes.includes(tx.hash), `the ${tx.what} of nonce ${tx.nonce} is still in block ${tx.block}`);
      const onBestChain = await api.rpc.chain.getBlockHash(block.block.header.number.toNumber());
      assert.equal(onBestChain.toHex(), tx.block, `block ${block.block.header.number} is on the best chain`);
    }

    for (const tx of inBlocks) {
      const events = await (await api.at(tx.block)).query.system.events();
      const failed = events.filter(({ event }) => api.events.system.ExtrinsicFailed.is(event));
      assert.equal(failed.length, 0, `block ${tx.block} has no failed transaction: ${failed.map(({ event }) => event.data[0].toString())}`);
    }
    // State as the blocks left it: the token's balances, Alice's nonce and holds, the
    // terminated contract gone and its storage part way through deletion.
    const transfersIn = inBlocks.filter((tx) => tx.what === 'transfer').length;
    assert.ok(transfersIn >= TRANSFERS_BEFORE, 'the transfers before the termination are in blocks');
    assert.equal(await balanceOf(bob.address), 1n + BigInt(transfersIn), 'Bob holds one token per transfer in a block');
    assert.equal(await balanceOf(alice.address), 1_000_000n - 1n - BigInt(transfersIn));
    assert.equal((await api.query.system.account(alice.address)).nonce.toNumber(), sent[0].nonce + inBlocks.length, 'the nonce counts what is in blocks');
    const holdsAgain = await (await api.at(termination.block)).query.balances.holds(alice.address);
    assert.deepEqual(holdsAgain.toJSON(), holdsAt.toJSON(), 'Alice\'s holds at the termination\'s block are as they were');
    assert.ok((await api.call.wasmContractsApi.contractInfo(filler)).isNone, 'the terminated contract is gone');
    assert.equal(await queuedDeletions(api), 1, 'its storage is still queued for deletion');
    assert.equal(await trieKeys(api, trieId), 1, 'part of its storage is left');
  });

  it('produces blocks again, takes the rest of the batch, and resumes the deletion', async () => {
    // What the kill took from the pool, and what was held back, sent again in nonce order.
    const rest = transfers.filter((transfer) => transfer.block === null);
    assert.ok(rest.length >= TRANSFERS_HELD);
    for (const transfer of rest) {
      const hash = await new Promise((resolve, reject) => {
        api.rpc.author.submitAndWatchExtrinsic(transfer.hex, (status) => {
          if (status.isInBlock) resolve(status.asInBlock.toHex());
          if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transfer ${transfer.nonce}: ${status.type}`));
        }).catch(reject);
      });
      transfer.block = hash;
    }
    assert.equal(await balanceOf(bob.address), 1n + BigInt(TRANSFERS), 'every transfer went through once');
    // A copy of one that a block took before the kill is refused: its nonce is used.
    await assert.rejects(api.rpc.author.submitExtrinsic(transfers[0].hex), /outdated/);

    // Each new block removes what its idle weight allows, until the trie is gone.
    const remark = () => submitOk(api, api.tx.system.remark('0x00'), bob);
    for (let block = 0; block < 20 && (await queuedDeletions(api)) > 0; block += 1) await remark();
    assert.equal(await queuedDeletions(api), 0, 'the deletion queue is empty');
    assert.equal(await trieKeys(api, trieId), 0, 'the terminated contract\'s storage is gone');
  });
});
