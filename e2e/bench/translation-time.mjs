// Prints how long the dev node takes to build blocks of calls that each translate one large
// function of the code that costs the most to translate per byte, next to the blocks' weight.
// Each call is its own extrinsic, so each translates the function again, as calls of different
// transactions do on the chain (a block's transactions share no compiled code). A sound price of
// translation keeps each block's build time under its weight: the ratio must stay at most 1.0.
//
// The shapes: empty `if`/`else` on a local (the `translate` benchmark's), chains of `i32.eqz`
// (one byte an operator) and empty loops, the costliest per byte that `perf translation` found.
//
// Run from e2e/ after `npm ci` at the repository root: `node bench/translation-time.mjs` (NODE_BIN
// or the cargo target directory gives the node; CALLS sets the calls sent per shape, KIB the
// function's size; SHAPES, a regular expression, picks shapes by name; MAX_RATIO makes it exit
// with 1 when a block's ratio passes it).
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { startNode } from '../lib/node.js';
import { dryRunExecute, executeTx, instantiate, uploadCode } from '@wasm-contracts/client';
import { watToWasm } from '../lib/contracts.js';
import { blockWeight, loadLine, machineLine, ms, preparedMs } from '../lib/bench.js';

const SHAPES = {
  'if/else, empty': '(if (local.get 0) (then) (else))',
  'i32.eqz, chained': '(drop (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (local.get 0))))))))))',
  'loop, empty': '(loop)',
};

/** A module whose export returns at once, after its body of `repeat` times `shape` has been translated. */
function module(shape, repeat) {
  return `(module (memory (export "memory") 1)
    (func (export "run") (local i32) (if (i32.eqz (local.get 0)) (then (return))) ${shape.repeat(repeat)}))`;
}

const calls = Number(process.env.CALLS ?? 120);
const kib = Number(process.env.KIB ?? 400);
const only = process.env.SHAPES ? new RegExp(process.env.SHAPES) : null;
const maxRatio = process.env.MAX_RATIO ? Number(process.env.MAX_RATIO) : null;

console.log(machineLine());
const node = await startNode({ name: 'translation-time' });
const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
let above = false;
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  for (const [name, shape] of Object.entries(SHAPES)) {
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
    const hashes = [];
    for (let call = 0; call < calls; call += 1) {
      const tx = executeTx(api, contract, 'run', new Uint8Array(), gasLimit);
      await tx.signAsync(alice, { nonce, era: 0 });
      nonce += 1;
      hashes.push(await api.rpc.author.submitExtrinsic(tx));
    }
    // Wait until the pool is empty, then read the blocks since the first submission.
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let waited = 0; waited < 120 && (await api.rpc.author.pendingExtrinsics()).length > 0; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const end = (await api.rpc.chain.getHeader()).number.toNumber();
    console.log(`${name}: ${wasm.length} bytes of module, gas limit ${ms(gasLimit.refTime).toFixed(2)} ms a call, ${calls} calls`);
    for (let number = start; number <= end; number += 1) {
      const hash = await api.rpc.chain.getBlockHash(number);
      const block = await api.rpc.chain.getBlock(hash);
      const executes = block.block.extrinsics.filter((xt) => xt.method.section === 'wasmContracts').length;
      if (executes === 0) continue;
      const weight = ms((await blockWeight(api, hash)).total.refTime);
      const built = await preparedMs(node.logPath, number);
      const ratio = built / weight;
      if (maxRatio !== null && ratio > maxRatio) above = true;
      console.log(`  block ${number}: ${executes} calls, weight ${weight.toFixed(1)} ms, built in ${built} ms, ratio ${ratio.toFixed(2)}`);
    }
  }
  console.log(loadLine());
  if (above) process.exitCode = 1;
} finally {
  await api.disconnect();
  await node.stop();
}
