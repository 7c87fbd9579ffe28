// Prints how long the dev node takes to build a block holding one call that spends its whole
// gas limit (1 s of ref_time by default) in each of the loops that cost the most per unit of
// fuel, next to a block holding a remark. A sound fuel price keeps each under its weight.
//
// Run from e2e/ after `npm ci`: `node bench/block-time.mjs` (NODE_BIN or the cargo target
// directory gives the node; GAS_MS sets the gas limit in milliseconds).

import { readFileSync } from 'node:fs';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { startNode } from '../lib/node.js';
import { submit } from '../lib/chain.js';
import { executeTx, instantiate, uploadCode } from '../lib/wasm-contracts.js';
import { watToWasm } from '../lib/contracts.js';

const LOOPS = {
  'loop (br 0)': '(func (export "run") (loop (br 0)))',
  'indirect calls': `(type $unit (func)) (table 1 funcref) (elem (i32.const 0) $empty) (func $empty)
    (func (export "run") (loop ${'(call_indirect (type $unit) (i32.const 0)) '.repeat(8)} (br 0)))`,
  'calls': `(func $empty) (func (export "run") (loop ${'(call $empty) '.repeat(8)} (br 0)))`,
  'i64.div_u': `(global $d (mut i64) (i64.const 3)) (func (export "run") (local $x i64)
    (loop (local.set $x (i64.div_u (i64.const -1) (global.get $d))) (br 0)))`,
};

/** Milliseconds the node logged for preparing block `number` (waiting for the log to show it). */
async function preparedMs(logPath, number) {
  const pattern = new RegExp(`Prepared block for proposing at ${number} \\((\\d+) ms\\)`);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const match = readFileSync(logPath, 'utf8').match(pattern);
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return NaN;
}

async function blockOf(api, tx, signer) {
  const outcome = await submit(api, tx, signer);
  const header = await api.rpc.chain.getHeader(outcome.blockHash);
  return header.number.toNumber();
}

const node = await startNode({ name: 'block-time' });
const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const { maxContractGas } = await api.query.wasmContracts.parameters();
  const refTime = BigInt(process.env.GAS_MS ?? 1000) * 1_000_000_000n;
  const gasLimit = { refTime, proofSize: maxContractGas.proofSize.toBigInt() };
  const remark = await blockOf(api, api.tx.system.remark('0x00'), alice);
  console.log(`remark: block ${remark} prepared in ${await preparedMs(node.logPath, remark)} ms`);
  for (const [name, body] of Object.entries(LOOPS)) {
    const wasm = await watToWasm(`(module (memory (export "memory") 1) ${body})`);
    const { codeId } = await uploadCode(api, alice, wasm);
    const { contract } = await instantiate(api, alice, codeId);
    const block = await blockOf(api, executeTx(api, contract, 'run', new Uint8Array(), gasLimit), alice);
    console.log(`${name}: ${refTime / 1_000_000_000n} ms of gas, block ${block} prepared in ${await preparedMs(node.logPath, block)} ms`);
  }
} finally {
  await api.disconnect();
  await node.stop();
}
