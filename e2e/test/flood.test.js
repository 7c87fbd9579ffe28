// A flood of bad transactions mixed with good ones, at the node scripts/dev-chain.sh starts: the
// pool refuses what it can judge (signatures, nonces, fees, weight) and says why; what only the
// call can judge (message size, storage deposit, hostile code) is included, fails with the
// pallet's named error and pays its fee; every good transaction is included and succeeds; blocks
// keep their pace; the node's memory stays bounded (docs/runtime.md, "What the pool keeps").
// The hostile modules are the fuzzer's (`FUZZ_CORPUS`, which scripts/test.sh has it write).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { decodeError, SIGNED_EXTENSIONS } from '../lib/chain.js';
import { bytesArg } from '../lib/contracts.js';
import { startNode } from '../lib/node.js';
import { settled, watch } from '../lib/pool.js';
import { contractMetadata, contractModule, TypedContract } from '../lib/typed-contract.js';
import { waitFor } from '../lib/wait.js';
import { depositLimit, executeTx, uploadCode } from '@wasm-contracts/client';

const METADATA = contractMetadata('token');
const GOOD_SENDERS = ['Bob', 'Charlie', 'Dave', 'Eve'];
const GOOD_PER_SENDER = 250;
/** Transactions of each kind the pool refuses. */
const REFUSED_PER_KIND = 400;
/** Transactions of each kind that fail in their block. */
const FAILING_PER_KIND = 150;
const HOSTILE_MODULES = 300;
/** The dev chain's block time, and the longest wait for a block under the flood: one slot missed. */
const BLOCK_MS = 3_000;
const MAX_BLOCK_GAP_MS = 2 * BLOCK_MS;
/** The most resident memory the node may reach (its peak, `VmHWM`); about 400 MiB here. */
const MAX_PEAK_RSS_BYTES = 1024 ** 3;
/** How long a transaction may go without news before it counts as lost. */
const QUIET_MS = 60_000;

/** The hostile modules: the first `count` of FUZZ_CORPUS, in a stable order. */
function fuzzedModules(count) {
  const corpus = process.env.FUZZ_CORPUS;
  if (!corpus || !existsSync(corpus)) {
    throw new Error('FUZZ_CORPUS names a directory of the fuzzer\'s modules: `FUZZ_CORPUS=<dir> cargo run --release -p wasm-contracts-fuzz -- 1000 1` writes one');
  }
  const files = readdirSync(corpus).filter((file) => file.endsWith('.wasm')).sort().slice(0, count);
  assert.equal(files.length, count, `${corpus} holds fewer than ${count} modules`);
  return files.map((file) => readFileSync(join(corpus, file)));
}

/** Peak and current resident memory of process `pid`, in bytes. */
function residentMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
  return { peak: kib('VmHWM'), now: kib('VmRSS') };
}

const mib = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

/** Submits `tx.hex` with `author_submitExtrinsic`, for transactions the pool must refuse. */
function submitOnly(provider, tx) {
  return provider.send('author_submitExtrinsic', [tx.hex]).then(
    () => { tx.accepted = true; },
    (error) => { tx.refused = error.message; },
  );
}

/** Sends `txs` one after another on a connection of their own, each once the pool answered the last. */
async function sendInOrder(url, txs) {
  const provider = new WsProvider(url, false);
  await provider.connect();
  await provider.isReady;
  for (const tx of txs) await watch(provider, tx);
  return provider;
}

/** `tx`'s signed bytes with one byte of its sr25519 signature flipped. */
function withBadSignature(hex) {
  const bytes = hexToU8a(hex);
  // Length prefix, version, `MultiAddress::Id` (1 + 32 bytes), `MultiSignature::Sr25519` (1 + 64).
  const [lengthBytes] = compactFromU8a(bytes);
  const signatureAt = lengthBytes + 1 + 33 + 1;
  assert.equal(bytes[signatureAt - 1], 1, 'an sr25519 signature');
  bytes[signatureAt + 10] ^= 0xff;
  return u8aToHex(bytes);
}

describe('the node under a flood of bad transactions mixed with good ones', () => {
  let node, api, keyring, token, transferGas, transferLimit, newHolderGas;

  before(async () => {
    node = await startNode({ name: 'flood', devChain: true });
    api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true, signedExtensions: SIGNED_EXTENSIONS });
    keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const alice = keyring.addFromUri('//Alice');
    const { codeId } = await uploadCode(api, alice, contractModule('token'));
    token = await TypedContract.instantiate(api, METADATA, codeId, null, { signer: alice });
    // Every recipient of a good transfer holds tokens already, so that each overwrites a balance.
    for (const name of [...GOOD_SENDERS, 'Ferdie', 'Alice']) {
      await token.tx.mint({ to: decodeAddress(keyring.addFromUri(`//${name}`).address), amount: 1_000_000n }, { signer: alice });
    }
    const dryRun = await api.call.wasmContractsApi.dryRunExecute(
      keyring.addFromUri('//Bob').address, token.address, bytesArg('transfer'), bytesArg(transferMsg('//Alice')), 0n, null,
    );
    assert.ok(dryRun.result.isOk, `the transfer's dry run: ${dryRun.result}`);
    transferGas = dryRun.gasRequired;
    transferLimit = depositLimit(dryRun.storageDeposit);
    // A transfer to a new holder stores a balance, whose deposit settles: it needs more gas.
    const toNewHolder = await api.call.wasmContractsApi.dryRunExecute(
      keyring.addFromUri('//Ferdie').address, token.address, bytesArg('transfer'), bytesArg(transferMsg('//Flood//holder//0', 1n)), 0n, null,
    );
    assert.ok(toNewHolder.result.isOk, `the transfer's dry run to a new holder: ${toNewHolder.result}`);
    newHolderGas = toNewHolder.gasRequired;
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  function transferMsg(to, amount = 1n) {
    const entry = METADATA.entry_points.find((point) => point.name === 'transfer');
    return token.encode(entry.message, { to: decodeAddress(keyring.addFromUri(to).address), amount });
  }

  /** Signs `count` transactions of `build(i)` from `uri` with nonces from `nonceOf(i)`, immortal. */
  async function signed(uri, count, kind, build, nonceOf) {
    const signer = keyring.addFromUri(uri);
    const first = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
    const txs = [];
    for (let i = 0; i < count; i += 1) {
      const tx = build(i);
      const nonce = nonceOf(first, i);
      await tx.signAsync(signer, { nonce, era: 0 });
      txs.push({ kind, hex: tx.toHex(), nonce });
    }
    return txs;
  }

  const inOrder = (first, i) => first + i;
  const transfer = (to, amount, gas = transferGas, limit = transferLimit, msg = transferMsg(to, amount)) =>
    executeTx(api, token.address, 'transfer', msg, gas, 0n, limit);

  it('refuses or fails every bad transaction by name, includes every good one, keeps its pace and bounds its memory', async () => {
    const maxExtrinsic = api.consts.system.blockWeights.perClass.normal.maxExtrinsic.unwrap();
    const maxMsg = (await api.query.wasmContracts.parameters()).maxContractMsgSize.toNumber();

    // Refused by the pool: none of these may enter it.
    const refused = {
      'bad signature': (await signed('//Bob', REFUSED_PER_KIND, 'bad signature',
        (i) => transfer('//Alice', BigInt(i + 1)), (first) => first))
        .map((tx) => ({ ...tx, hex: withBadSignature(tx.hex) })),
      // Alice's nonces below her next, each with a transfer of its own.
      'stale nonce': await signed('//Alice', REFUSED_PER_KIND, 'stale nonce',
        (i) => transfer('//Bob', BigInt(i + 1)), (first, i) => i % first),
      'no funds for the fee': (await Promise.all(Array.from({ length: REFUSED_PER_KIND }, (_, i) =>
        signed(`//Flood//${i}`, 1, 'no funds for the fee', () => transfer('//Alice', 1n), inOrder)))).flat(),
      'gas limit above the block': await signed('//Ferdie', REFUSED_PER_KIND, 'gas limit above the block',
        (i) => transfer('//Alice', BigInt(i + 1), { refTime: maxExtrinsic.refTime.toBigInt() + 1n, proofSize: 1_000_000n }),
        (first) => first),
    };
    const refusal = {
      'bad signature': /bad signature/,
      'stale nonce': /outdated/,
      'no funds for the fee': /Inability to pay some fees/,
      'gas limit above the block': /exhaust the block limits/,
    };

    // Included, failing in the call with the pallet's error: Ferdie's in nonce order.
    const ferdie = await signed('//Ferdie', 2 * FAILING_PER_KIND, 'failing', (i) => i < FAILING_PER_KIND
      ? executeTx(api, token.address, 'transfer', new Uint8Array(maxMsg + 1), transferGas, 0n, transferLimit)
      // A new holder's balance takes a deposit that a limit of 0 does not allow.
      : transfer(`//Flood//holder//${i}`, 1n, newHolderGas, 0n), inOrder);
    ferdie.forEach((tx, i) => { tx.kind = i < FAILING_PER_KIND ? 'message above the limit' : 'deposit above the limit'; });
    const modules = fuzzedModules(HOSTILE_MODULES);
    const hostile = await signed('//Alice', HOSTILE_MODULES, 'hostile module',
      (i) => api.tx.wasmContracts.uploadCode(bytesArg(modules[i]), null), inOrder);
    const good = await Promise.all(GOOD_SENDERS.map((name) =>
      signed(`//${name}`, GOOD_PER_SENDER, 'good', () => transfer('//Alice', 1n), inOrder)));

    const { peak: peakBefore } = residentMemory(node.pid);
    // When each new block arrives, by the clock: the chain's timestamps follow its slots.
    const arrivals = [];
    const unsubscribe = await api.rpc.chain.subscribeNewHeads((header) => arrivals.push({ number: header.number.toNumber(), at: Date.now() }));
    const started = Date.now();
    const refusedTxs = Object.values(refused).flat();
    const poolProvider = new WsProvider(node.url, false);
    await poolProvider.connect();
    await poolProvider.isReady;
    const providers = await Promise.all([
      ...[ferdie, hostile, ...good].map((txs) => sendInOrder(node.url, txs)),
      Promise.all(refusedTxs.map((tx) => submitOnly(poolProvider, tx))).then(() => poolProvider),
    ]);
    const includedTxs = [...ferdie, ...hostile, ...good.flat()];
    const lost = await settled(includedTxs, QUIET_MS);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    await Promise.all(providers.map((provider) => provider.disconnect()));
    // One more block after the last included one, so that a stall at the end would show.
    const lastIncluded = Math.max(...arrivals.map((arrival) => arrival.number));
    await waitFor(`the node builds a block after #${lastIncluded}`,
      () => Math.max(...arrivals.map((arrival) => arrival.number)) > lastIncluded, { timeoutMs: QUIET_MS, intervalMs: 200 });
    unsubscribe();
    const memory = residentMemory(node.pid);

    // The pool's answers.
    for (const [kind, txs] of Object.entries(refused)) {
      const taken = txs.filter((tx) => !tx.refused);
      assert.equal(taken.length, 0, `the pool took ${taken.length} of ${txs.length} with a ${kind}`);
      const unclear = txs.filter((tx) => !refusal[kind].test(tx.refused));
      assert.equal(unclear.length, 0, `a ${kind} refused as: ${unclear[0]?.refused}`);
      console.log(`${kind}: ${txs.length} refused: ${txs[0].refused}`);
    }
    assert.equal(lost.length, 0, `${lost.length} accepted transactions neither included nor reported`);
    const notTaken = includedTxs.filter((tx) => !tx.accepted || !tx.block);
    assert.equal(notTaken.length, 0, `not included: ${notTaken.length}, the first a ${notTaken[0]?.kind}: ${notTaken[0]?.refused ?? notTaken[0]?.status}`);

    // What each included transaction did, from its block's events.
    const outcomes = new Map();
    for (const hash of new Set(includedTxs.map((tx) => tx.block))) {
      const [block, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
      block.block.extrinsics.forEach((extrinsic, index) => {
        const record = events.find(({ phase, event }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.eq(index) &&
          (api.events.system.ExtrinsicSuccess.is(event) || api.events.system.ExtrinsicFailed.is(event)));
        const failed = api.events.system.ExtrinsicFailed.is(record.event);
        const error = failed ? decodeError(api, record.event.data.dispatchError) : null;
        outcomes.set(extrinsic.hash.toHex(), error ? `${error.section}.${error.name}` : 'success');
      });
    }
    const tally = {};
    for (const tx of includedTxs) {
      tx.outcome = outcomes.get(blake2AsHex(hexToU8a(tx.hex)));
      const key = `${tx.kind}: ${tx.outcome}`;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    console.log(Object.entries(tally).map(([key, count]) => `${key} ${count}`).join('\n'));
    const expected = {
      good: (outcome) => outcome === 'success',
      'message above the limit': (outcome) => outcome === 'wasmContracts.MsgTooLarge',
      'deposit above the limit': (outcome) => outcome === 'wasmContracts.StorageDepositLimitExhausted',
      // Some fuzzed modules are valid code; the others are refused by the pallet's name for why.
      'hostile module': (outcome) => outcome === 'success' || /^wasmContracts\.[A-Z]\w+$/.test(outcome ?? ''),
    };
    for (const tx of includedTxs) {
      assert.ok(expected[tx.kind](tx.outcome), `a ${tx.kind} (nonce ${tx.nonce}) ended ${tx.outcome}`);
    }
    assert.equal(tally['good: success'], GOOD_SENDERS.length * GOOD_PER_SENDER);

    // The pace of blocks while the flood lasted: from its start to the block after its last.
    const gaps = [arrivals[0].at - started, ...arrivals.slice(1).map((arrival, i) => arrival.at - arrivals[i].at)];
    const widest = Math.max(...gaps);
    console.log(`${refusedTxs.length} refused and ${includedTxs.length} included in ${seconds} s, blocks ${arrivals[0].number} to ` +
      `${arrivals.at(-1).number}, at most ${widest} ms apart; node memory: peak ${mib(memory.peak)} (${mib(peakBefore)} before the ` +
      `flood), now ${mib(memory.now)}`);
    assert.ok(widest <= MAX_BLOCK_GAP_MS, `blocks ${widest} ms apart under the flood`);
    assert.ok(memory.peak <= MAX_PEAK_RSS_BYTES, `the node's memory peaked at ${mib(memory.peak)}`);
  });
});
