// Throughput of token transfers through the transaction pool. Signs N transfers of the Rust
// token (contracts/build/token.wasm) from up to six funded dev accounts, all before the first is
// sent (explicit nonces, immortal), pushes them through the node's pool with
// `author_submitAndWatchExtrinsic`, one connection per sender as independent users would, and
// follows what the pool reports for each. Then prints, for every block: the transfers it includes,
// its weight (`system.blockWeight`, normal class), the ref_time charged per transfer, and how long
// the node took to build it with why it stopped adding transactions (its log's "Prepared block
// for proposing" line). Last come the totals: sent, included, failed (refused by the pool or
// reported dropped, invalid or usurped) and lost: accepted by the pool, then neither included in
// the chain nor reported dropped, invalid or usurped. Lost must be 0; the script exits with 1
// otherwise.
//
// The recipients hold tokens before the run, and every sender holds more than it sends, so each
// transfer overwrites two existing balances: a transfer between holders.
//
// Staying within the node's limits: each sender sends its transactions in nonce order with at
// most IN_FLIGHT (default 16) awaiting the pool's answer, so that only those can reach the pool
// before their predecessor and wait in its future queue (SENDERS × IN_FLIGHT, against a limit of
// 819 transactions by default); at most WINDOW (default 512) of a sender's transactions are in
// the pool and not yet in a block, so SENDERS × WINDOW stays under the ready queue's 8,192; and at
// most 1,000 are watched on one connection (the node allows 1,024 subscriptions per connection).
// A sender sends its next transaction as soon as one of its earlier ones is in a block.
//
// Run from e2e/ after `npm ci` at the repository root: `node bench/throughput.mjs`. It starts a dev node as
// `scripts/dev-chain.sh` does (a block every 3 s) unless WS_URL names a running node (e.g. the
// zombienet collator at ws://127.0.0.1:9944), whose log it cannot read: build times are then
// unknown. Environment: N (transfers, default 1,200), SENDERS (1 to 6, default 6), RECIPIENTS
// (default 60), WINDOW, IN_FLIGHT, STALL_S (seconds without any news from the pool before the run is
// over, default 60), GAS_MARGIN (percent added to the gas a transfer's dry run asks for,
// default 0).

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { stringToU8a } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { decodeError } from '../lib/chain.js';
import { startNode } from '../lib/node.js';
import { contractMetadata, contractModule, TypedContract } from '../lib/typed-contract.js';
import { depositLimit, executeTx, uploadCode } from '@wasm-contracts/client';
import { blockWeight, loadLine, machineLine, ms, preparedBlocks } from '../lib/bench.js';
import { bytesArg } from '../lib/contracts.js';
import { waitFor } from '../lib/wait.js';

const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const N = Number(process.env.N ?? 1200);
const SENDERS = Number(process.env.SENDERS ?? 6);
const RECIPIENTS = Number(process.env.RECIPIENTS ?? 60);
const WINDOW = Number(process.env.WINDOW ?? 512);
const STALL_MS = Number(process.env.STALL_S ?? 60) * 1000;
const GAS_MARGIN = Number(process.env.GAS_MARGIN ?? 0);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 16);
const MAX_WATCHED = 1000;
const AMOUNT = 1n;
const METADATA = contractMetadata('token');

if (!(SENDERS >= 1 && SENDERS <= DEV_ACCOUNTS.length)) throw new Error(`SENDERS must be 1 to ${DEV_ACCOUNTS.length}`);
if (!(N >= 1 && RECIPIENTS >= 1 && WINDOW >= 1 && WINDOW <= MAX_WATCHED)) throw new Error(`N, RECIPIENTS >= 1; 1 <= WINDOW <= ${MAX_WATCHED}`);

/**
 * Sends every group's signed transactions (`{ hex, hash }` in nonce order) through a connection
 * of the group's own, as the header says, and resolves once every accepted transaction has a
 * final status or nothing was heard for STALL_MS. Each transaction gets `status` (the last one
 * the pool reported), `inBlock` (a block hash the pool said it was in), `final` and, when the pool
 * refused it, `refused` (the error).
 */
async function push(url, groups) {
  let lastNews = Date.now();
  const wakers = new Set();
  const wake = () => {
    lastNews = Date.now();
    for (const waker of wakers) waker();
    wakers.clear();
  };
  const stalled = () => Date.now() - lastNews >= STALL_MS;
  const news = (timeoutMs) => new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    wakers.add(() => {
      clearTimeout(timer);
      resolve();
    });
  });

  const sendGroup = async (group) => {
    const provider = new WsProvider(url, false);
    await provider.connect();
    await provider.isReady;
    let unresolved = 0; // accepted, not yet in a block nor dropped, invalid or usurped
    let watched = 0; // accepted, no final status yet
    const settle = (tx) => {
      if (!tx.resolved) {
        tx.resolved = true;
        unresolved -= 1;
      }
    };
    const onStatus = (tx) => (error, status) => {
      if (error) {
        tx.status = `error: ${error.message}`;
      } else if (typeof status === 'string') {
        tx.status = status; // future, ready, dropped, invalid
        if (['dropped', 'invalid'].includes(status)) settle(tx);
      } else {
        const [kind, detail] = Object.entries(status)[0];
        tx.status = kind; // broadcast, inBlock, retracted, finalityTimeout, finalized, usurped
        if (kind === 'inBlock' || kind === 'finalized') {
          tx.inBlock = detail;
          settle(tx);
        } else if (kind === 'usurped') {
          settle(tx);
        } else if (kind === 'retracted' && tx.resolved) {
          // Its block left the best chain: the pool takes the transaction back.
          tx.resolved = false;
          unresolved += 1;
        }
      }
      if (['finalized', 'usurped', 'dropped', 'invalid', 'finalityTimeout'].includes(tx.status) && !tx.final) {
        tx.final = true;
        watched -= 1;
      }
      wake();
    };
    const answering = new Set();
    const submit = async (tx) => {
      try {
        await provider.subscribe('author_extrinsicUpdate', 'author_submitAndWatchExtrinsic', [tx.hex], onStatus(tx));
        tx.accepted = true;
      } catch (error) {
        tx.refused = error.message.split('\n')[0];
        unresolved -= 1;
        watched -= 1;
      }
      group.sent += 1;
      lastNews = Date.now();
    };
    try {
      for (const tx of group.txs) {
        while ((unresolved >= WINDOW || watched >= MAX_WATCHED) && !stalled()) await news(1000);
        // Nothing moves (the window holds transactions the pool never settles): the rest stays
        // unsent, and is not counted as sent.
        if (stalled()) break;
        while (answering.size >= IN_FLIGHT) await Promise.race(answering);
        unresolved += 1;
        watched += 1;
        const answer = submit(tx).finally(() => answering.delete(answer));
        answering.add(answer);
      }
      await Promise.all(answering);
      while (watched > 0 && !stalled()) await news(1000);
    } finally {
      await provider.disconnect();
    }
  };

  for (const group of groups) group.sent = 0;
  const progress = setInterval(() => {
    const sent = groups.reduce((sum, group) => sum + group.sent, 0);
    const inBlock = groups.reduce((sum, group) => sum + group.txs.filter((tx) => tx.inBlock).length, 0);
    console.log(`  … ${sent} sent, ${inBlock} reported in a block`);
  }, 10_000);
  try {
    await Promise.all(groups.map(sendGroup));
  } finally {
    clearInterval(progress);
  }
}

/**
 * Walks the best chain from block `from` to its head and finds the transactions of `txs` (by
 * hash) in it: fills each one's `block` (number) and `ok` (false with `error` when its dispatch
 * failed). Returns, per block, `{ number, hash, ours, failed }`.
 */
async function findIncluded(api, from, txs) {
  const byHash = new Map(txs.map((tx) => [tx.hash, tx]));
  const hashes = [];
  let header = await api.rpc.chain.getHeader();
  while (header.number.toNumber() >= from) {
    hashes.unshift(header.hash.toHex());
    header = await api.rpc.chain.getHeader(header.parentHash);
  }
  const blocks = [];
  for (const hash of hashes) {
    const [{ block }, events] = await Promise.all([
      api.rpc.chain.getBlock(hash),
      api.at(hash).then((at) => at.query.system.events()),
    ]);
    const entry = { number: block.header.number.toNumber(), hash, ours: 0, failed: 0 };
    const failures = new Map();
    for (const { phase, event } of events) {
      if (phase.isApplyExtrinsic && api.events.system.ExtrinsicFailed.is(event)) {
        failures.set(phase.asApplyExtrinsic.toNumber(), event);
      }
    }
    block.extrinsics.forEach((extrinsic, index) => {
      const tx = byHash.get(extrinsic.hash.toHex());
      if (!tx) return;
      entry.ours += 1;
      tx.block = entry.number;
      const failed = failures.get(index);
      tx.ok = !failed;
      if (failed) {
        entry.failed += 1;
        tx.error = decodeError(api, failed.data[0]).name;
      }
    });
    blocks.push(entry);
  }
  return blocks;
}

/** Counts of `items` by `key(item)`, as "key: count, ...". */
function tally(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${name}: ${count}`).join(', ');
}

/** Signs `calls` (`{ tx, signer }`) with consecutive nonces per signer from the chain's next one. */
async function signAhead(api, calls) {
  const nonces = new Map();
  const signed = [];
  for (const { tx, signer, ...rest } of calls) {
    if (!nonces.has(signer.address)) {
      nonces.set(signer.address, (await api.rpc.system.accountNextIndex(signer.address)).toNumber());
    }
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    await tx.signAsync(signer, { nonce, era: 0 });
    signed.push({ ...rest, signer, nonce, hex: tx.toHex(), hash: tx.hash.toHex() });
  }
  return signed;
}

/** Groups signed transactions by signer, in the order given. */
function bySigner(txs) {
  const groups = new Map();
  for (const tx of txs) {
    if (!groups.has(tx.signer.address)) groups.set(tx.signer.address, { name: tx.signerName, txs: [] });
    groups.get(tx.signer.address).txs.push(tx);
  }
  return [...groups.values()];
}

/** `gas` (a `Weight`) with `percent` more of both ref_time and proof_size, as bigints. */
function withMargin(gas, percent) {
  const more = (value) => (value.toBigInt() * BigInt(100 + percent) + 99n) / 100n;
  return { refTime: more(gas.refTime), proofSize: more(gas.proofSize) };
}

/** The SCALE encoding of `message` for entry point `entry` of the token. */
function tokenMessage(token, entry, message) {
  const { message: typeId } = METADATA.entry_points.find((point) => point.name === entry);
  return token.encode(typeId, message);
}

/** A dry run of `entry` of `token` with `message` as `origin`; throws unless it succeeds. */
async function dryRun(api, token, origin, entry, message) {
  const msg = tokenMessage(token, entry, message);
  const result = await api.call.wasmContractsApi.dryRunExecute(origin, token.address, bytesArg(entry), bytesArg(msg), 0n, null);
  if (result.result.isErr) {
    throw new Error(`dry run of ${entry}: ${api.registry.findMetaError(result.result.asErr.asModule).name}`);
  }
  return { msg, gasRequired: result.gasRequired, storageDeposit: result.storageDeposit };
}

console.log(machineLine());
const node = process.env.WS_URL ? null : await startNode({ name: 'throughput', devChain: true });
const url = process.env.WS_URL ?? node.url;
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
let lost = 0;
try {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const senders = DEV_ACCOUNTS.slice(0, SENDERS).map((name) => Object.assign(keyring.addFromUri(`//${name}`), { devName: name }));
  const alice = keyring.addFromUri('//Alice');
  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => blake2AsU8a(stringToU8a(`throughput recipient ${i}`), 256));
  console.log(`node ${url}${node ? ` (log ${node.logPath})` : ' (not started here: build times unknown)'}`);
  console.log(`${N} transfers from ${SENDERS} senders (${senders.map((s) => s.devName).join(', ')}) to ${RECIPIENTS} holders; ` +
    `at most ${WINDOW} per sender in the pool and not yet in a block`);

  // The token, owned by Alice, who mints every sender more than it sends and every recipient 1.
  // Each waits for its effect in the best block: a transaction reported in a block may be in a
  // fork that the chain then leaves (the collators of a fresh network do that), and its effect
  // appears in the best chain only when the pool includes it again.
  const { codeId } = await uploadCode(api, alice, contractModule('token'));
  await waitFor('the token\'s code is in the best chain',
    async () => (await api.query.wasmContracts.codeInfoOf(codeId)).isSome, { timeoutMs: STALL_MS });
  const token = await TypedContract.instantiate(api, METADATA, codeId, null, { signer: alice });
  await waitFor('the token is in the best chain',
    async () => (await api.query.wasmContracts.contractInfoOf(token.address)).isSome, { timeoutMs: STALL_MS });
  const perSender = BigInt(Math.ceil(N / SENDERS)) * AMOUNT + 1n;
  const mintTo = [...senders.map((sender) => [decodeAddress(sender.address), perSender]), ...recipients.map((to) => [to, 1n])];
  // The first mint writes the supply and a new balance, the costliest shape, so its gas covers
  // all; half as much again, so that the set-up goes through whatever the dry run's precision.
  const mintGas = withMargin((await dryRun(api, token, alice.address, 'mint', { to: mintTo[0][0], amount: mintTo[0][1] })).gasRequired, 50);
  const mints = await signAhead(api, mintTo.map(([to, amount]) => ({
    tx: executeTx(api, token.address, 'mint', tokenMessage(token, 'mint', { to, amount }), mintGas, 0n, null),
    signer: alice,
    signerName: 'Alice',
  })));
  const setupFrom = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  await push(url, bySigner(mints));
  await findIncluded(api, setupFrom, mints);
  const unminted = mints.filter((tx) => !tx.ok);
  if (unminted.length) {
    throw new Error(`${unminted.length} of ${mints.length} mints did not go through (${tally(unminted, (tx) => tx.error ?? tx.refused ?? tx.status)})`);
  }
  console.log(`token ${token.address}: ${SENDERS} senders hold ${perSender}, ${RECIPIENTS} recipients hold 1`);

  // Every transfer has the shape of this one: two existing balances overwritten.
  const probe = await dryRun(api, token, senders[0].address, 'transfer', { to: recipients[0], amount: AMOUNT });
  const gasRequired = withMargin(probe.gasRequired, GAS_MARGIN);
  const limit = depositLimit(probe.storageDeposit);
  console.log(`transfer gas limit (dry run${GAS_MARGIN ? ` + ${GAS_MARGIN}%` : ''}): ref_time ${ms(gasRequired.refTime).toFixed(3)} ms, ` +
    `proof_size ${(Number(gasRequired.proofSize) / 1024).toFixed(1)} KiB; storage deposit limit ${limit}`);

  const signingStart = Date.now();
  const transfers = await signAhead(api, Array.from({ length: N }, (_, i) => {
    const sender = senders[i % SENDERS];
    const message = tokenMessage(token, 'transfer', { to: recipients[i % RECIPIENTS], amount: AMOUNT });
    return { tx: executeTx(api, token.address, 'transfer', message, gasRequired, 0n, limit), signer: sender, signerName: sender.devName };
  }));
  console.log(`signed ${N} transfers in ${((Date.now() - signingStart) / 1000).toFixed(1)} s`);

  const from = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  const pushStart = Date.now();
  await push(url, bySigner(transfers));
  const pushSeconds = (Date.now() - pushStart) / 1000;
  const blocks = await findIncluded(api, from, transfers);

  const logged = node ? preparedBlocks(node.logPath) : null;
  const first = blocks.findIndex((block) => block.ours > 0);
  const last = blocks.findLastIndex((block) => block.ours > 0);
  console.log('\nblock   transfers  failed  ref_time (ms)  proof_size (KiB)  ms/transfer  built in (ms)  end');
  for (const block of first < 0 ? [] : blocks.slice(first, last + 1)) {
    const { normal } = await blockWeight(api, block.hash);
    const built = logged?.get(block.number);
    const perTransfer = block.ours ? (ms(normal.refTime) / block.ours).toFixed(3) : '-';
    console.log([
      String(block.number).padEnd(7),
      String(block.ours).padStart(9),
      String(block.failed).padStart(7),
      ms(normal.refTime).toFixed(1).padStart(14),
      (Number(normal.proofSize) / 1024).toFixed(1).padStart(17),
      perTransfer.padStart(12),
      (built ? String(built.ms) : 'unknown').padStart(14),
      ` ${built?.end ?? (node ? 'unknown' : '')}`,
    ].join(' '));
  }

  const sent = transfers.filter((tx) => tx.accepted || tx.refused).length;
  const refused = transfers.filter((tx) => tx.refused);
  const accepted = transfers.filter((tx) => tx.accepted);
  const included = transfers.filter((tx) => tx.block !== undefined);
  const reported = accepted.filter((tx) => tx.block === undefined && ['dropped', 'invalid', 'usurped'].includes(tx.status));
  const missing = accepted.filter((tx) => tx.block === undefined && !reported.includes(tx));
  lost = missing.length;
  const dispatchFailed = included.filter((tx) => !tx.ok);
  const inBlocks = blocks.filter((block) => block.ours > 0);
  console.log(`\nsent ${sent}${sent < N ? ` of ${N} (the rest waited for a window that never emptied)` : ''}, included ${included.length} (dispatch failed ${dispatchFailed.length}` +
    `${dispatchFailed.length ? `: ${tally(dispatchFailed, (tx) => tx.error)}` : ''}), ` +
    `failed ${refused.length + reported.length} (refused by the pool ${refused.length}, reported ${reported.length}` +
    `${reported.length ? `: ${tally(reported, (tx) => tx.status)}` : ''}), lost ${lost}`);
  if (refused.length) console.log(`refused: ${tally(refused, (tx) => tx.refused)}`);
  const examples = (txs) => {
    for (const tx of txs.slice(0, 10)) console.log(`  ${tx.signerName} nonce ${tx.nonce}: ${tx.status ?? 'no status'}${tx.inBlock ? ` (said in block ${tx.inBlock})` : ''}`);
    if (txs.length > 10) console.log(`  … ${txs.length - 10} more`);
  };
  if (reported.length) {
    console.log('reported to their senders:');
    examples(reported);
  }
  if (lost) {
    console.log(`lost, by the last status the pool reported: ${tally(missing, (tx) => tx.status ?? 'none')}`);
    examples(missing);
  }
  if (inBlocks.length) {
    const counts = inBlocks.map((block) => block.ours);
    console.log(`${inBlocks.length} blocks with transfers: ${(included.length / inBlocks.length).toFixed(0)} on average, ` +
      `${Math.max(...counts)} at most; pushed in ${pushSeconds.toFixed(0)} s`);
  }
  console.log(loadLine());
} finally {
  await api.disconnect();
  await node?.stop();
}
process.exit(lost ? 1 : 0);
