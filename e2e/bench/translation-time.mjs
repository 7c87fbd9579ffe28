// Prints how long the dev node takes to build blocks of calls that each translate one large
// function of one shape of code, next to the blocks' weight.
// Each call is its own extrinsic, so each translates the function again, as calls of different
// transactions do on the chain (a block's transactions share no compiled code). A sound price of
// translation keeps each block's build time under its weight: the ratio must stay at most 1.0.
//
// The shapes: those of `perf translation` (every shape of code it times natively), each the body
// of one function; the summary at the end orders them by the ratio of all their blocks.
//
// Run from e2e/ after `npm ci` at the repository root: `node bench/translation-time.mjs` (NODE_BIN
// or the cargo target directory gives the node; CALLS sets the calls sent per shape, KIB the
// function's size; SHAPES, a regular expression, picks shapes by name; MAX_RATIO makes it exit
// with 1 when a block's ratio passes it).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { startNode } from '../lib/node.js';
import { dryRunExecute, executeTx, instantiate, uploadCode } from '@wasm-contracts/client';
import { watToWasm } from '../lib/contracts.js';
import { blockWeight, loadLine, machineLine, ms, preparedMs } from '../lib/bench.js';
import { waitFor } from '../lib/wait.js';

// The shapes of `perf translation`, in its module (benchmarking/translation-shapes.json):
// natively they translate at nearly the same rate per byte, but the runtime runs wasmi compiled
// to wasm, where their order differs, so each is measured here in the node's blocks.
const shapesFile = JSON.parse(readFileSync(new URL('../../benchmarking/translation-shapes.json', import.meta.url), 'utf8'));

/** A module whose export returns at once, after its body of `repeat` times `shape` has been translated. */
function module(shape, repeat) {
  return shapesFile.module.replace('{body}', () => shape.repeat(repeat));
}

const calls = Number(process.env.CALLS ?? 120);
const kib = Number(process.env.KIB ?? 400);
const only = process.env.SHAPES ? new RegExp(process.env.SHAPES) : null;
const maxRatio = process.env.MAX_RATIO ? Number(process.env.MAX_RATIO) : null;

console.log(machineLine());
const node = await startNode({ name: 'translation-time' });
const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
let above = false;
const totals = [];
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  for (const { name, body: shape } of shapesFile.shapes) {
    if (only && !only.test(name)) continue;
    const empty = (await watToWasm(module(shape, 0), `${name}.wat`)).length;
    const perRepeat = (await watToWasm(module(shape, 1), `${name}.wat`)).length - empty;
    const wasm = await watToWasm(module(shape, Math.floor((kib * 1024) / perRepeat)), `${name}.wat`);
    const { codeId } = await uploadCode(api, alice, wasm);
    const { contract } = await instantiate(api, alice, codeId);
    // A gas limit with room for the translation: what the dry run needed.
    const dry = await dryRunExecute(api, alice.address, contract, 'run');
    const gasLimit = { refTime: dry.gasRequired.refTime.toBigInt(), proofSize: dry.gasRequired.proofSize.toBigInt() };
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    // Signed ahead, so that signing (this process, on the node's machine) does not slow the
    // blocks the node builds while the calls arrive.
    const signed = [];
    for (let call = 0; call < calls; call += 1) {
      const tx = executeTx(api, contract, 'run', new Uint8Array(), gasLimit);
      await tx.signAsync(alice, { nonce, era: 0 });
      nonce += 1;
      signed.push(tx);
    }
    const start = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
    await Promise.all(signed.map((tx) => api.rpc.author.submitExtrinsic(tx)));
    // Wait until the pool is empty, then read the blocks since the first submission.
    await waitFor('the pool is empty', async () => (await api.rpc.author.pendingExtrinsics()).length === 0, { timeoutMs: 120_000 });
    await sleep(4_000);
    const end = (await api.rpc.chain.getHeader()).number.toNumber();
    console.log(`${name}: ${wasm.length} bytes of module, gas limit ${ms(gasLimit.refTime).toFixed(2)} ms a call, ${calls} calls`);
    const total = { name, weight: 0, built: 0 };
    for (let number = start; number <= end; number += 1) {
      const hash = await api.rpc.chain.getBlockHash(number);
      const block = await api.rpc.chain.getBlock(hash);
      const executes = block.block.extrinsics.filter((xt) => xt.method.section === 'wasmContracts').length;
      if (executes === 0) continue;
      const weight = ms((await blockWeight(api, hash)).total.refTime);
      const built = await preparedMs(node.logPath, number);
      const ratio = built / weight;
      total.weight += weight;
      total.built += built;
      if (maxRatio !== null && ratio > maxRatio) above = true;
      console.log(`  block ${number}: ${executes} calls, weight ${weight.toFixed(1)} ms, built in ${built} ms, ratio ${ratio.toFixed(2)}`);
    }
    totals.push(total);
  }
  console.log('every block of each shape, summed, costliest first:');
  for (const { name, weight, built } of totals.sort((a, b) => b.built / b.weight - a.built / a.weight)) {
    console.log(`  ${name}: weight ${weight.toFixed(1)} ms, built in ${built} ms, ratio ${(built / weight).toFixed(3)}`);
  }
  console.log(loadLine());
  if (above) process.exitCode = 1;
} finally {
  await api.disconnect();
  await node.stop();
}
