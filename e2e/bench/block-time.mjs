// Prints how long the dev node takes to build a block holding one call that spends its whole
// gas limit (1 s of ref_time by default) in each of the loops that cost the most per unit of
// fuel, next to a block holding a remark. A sound fuel price keeps each block's build time under
// its weight: the last column (build time / block weight) must stay at most 1.0. The remark's
// block shows what any block costs besides its calls.
//
// The loops: branches, calls, indirect calls and 64-bit division, whose operators are the
// slowest per unit of fuel; branches that cost less fuel than `br` for the same work (`br_if` on
// a constant or a local, `if`/`else`); and the bulk operations, which wasmi charges a fixed
// cost per operator plus one unit per 16 bytes moved, rounded down: `memory.fill` and `memory.copy` of 1 byte,
// 64 bytes, 4 KiB and 64 KiB, within one page and spread over the module's pages (each across a
// page boundary, `max_memory_pages` pages declared, as a contract may), `memory.init` from a
// passive segment, `table.fill`/`table.copy` of one element, `table.set`, and `memory.grow` past
// the limit (refused, so it moves nothing and pays only its operator); and the shapes found slow
// for their fuel on an AMD EPYC of the Zen 4 generation: a global copied into another, and
// `memory.size` and `table.get` into a local; and host functions: `get_block_number`, charged the
// least of them, `crypto_hash` of 32 bytes, and `get_input`, which calls back into the contract;
// and nested calls of a contract whose memory grows by a page past the pages it starts with
// (`max_memory_pages` - 1), so that each copies all of them into a new allocation.
//
// Run from e2e/ after `npm ci` at the repository root: `node bench/block-time.mjs` (NODE_BIN or the cargo target
// directory gives the node; GAS_MS sets the gas limit in milliseconds; LOOPS, a regular
// expression, picks loops by name; MAX_RATIO makes it exit with 1 when a loop's ratio passes
// it). The figures depend on the machine: the first line names its CPU and load.

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { startNode } from '../lib/node.js';
import { submit } from '../lib/chain.js';
import { executeTx, instantiate, uploadCode } from '@wasm-contracts/client';
import { watToWasm } from '../lib/contracts.js';
import { blockWeight, loadLine, machineLine, ms, preparedMs } from '../lib/bench.js';

const PAGE = 65_536;
const KIB = 1024;

/** `ops` inside a loop that never ends: the call runs until its gas is spent. */
function unrolled(ops) {
  return `(loop ${ops.join(' ')} (br 0))`;
}

function sizeName(size) {
  return size >= KIB ? `${size / KIB} KiB` : `${size} B`;
}

/**
 * Where the 8 operations of a loop write (`dst`) and read (`src`), for operations of `size`
 * bytes in a memory of `pages` pages. `within`: all in page 0 (destinations in its second half for
 * copies); a 64 KiB copy goes from page 0 to page 1. `across`: each straddles a different page
 * boundary spread over the memory, reading across another, so that the bytes moved per iteration
 * span most of the memory.
 */
function spots(size, pages, placement) {
  if (placement === 'within') {
    if (size === PAGE) return Array.from({ length: 8 }, () => ({ dst: PAGE, src: 0, fill: 0 }));
    return Array.from({ length: 8 }, (_, k) => ({ dst: PAGE / 2 + k * size, src: k * size, fill: k * size }));
  }
  const boundary = (k) => (1 + Math.floor((k * (pages - 1)) / 8)) * PAGE - Math.floor(size / 2);
  return Array.from({ length: 8 }, (_, k) => ({ dst: boundary(k), src: boundary(7 - k), fill: boundary(k) }));
}

/** The bulk-memory loops for a module of `pages` pages: name to the module's functions. */
function bulkLoops(pages) {
  const loops = {};
  for (const op of ['memory.fill', 'memory.copy']) {
    for (const size of [1, 64, 4 * KIB, 64 * KIB]) {
      for (const placement of ['within', 'across']) {
        // Two pages at least: a copy of a whole page, and any page boundary, need a second one.
        if (pages < 2 && (placement === 'across' || (size === PAGE && op === 'memory.copy'))) continue;
        const where = placement === 'within'
          ? (size === PAGE && op === 'memory.copy' ? 'page 0 to page 1' : 'within page 0')
          : `across page boundaries of ${pages} pages`;
        const ops = spots(size, pages, placement).map(({ dst, src, fill }) => (op === 'memory.fill'
          ? `(memory.fill (i32.const ${fill}) (i32.const 0) (i32.const ${size}))`
          : `(memory.copy (i32.const ${dst}) (i32.const ${src}) (i32.const ${size}))`));
        loops[`${op} ${sizeName(size)}, ${where}`] = { pages, body: `(func (export "run") ${unrolled(ops)})` };
      }
    }
  }
  const segment = `(data $segment "${'\\00'.repeat(4 * KIB)}")`;
  for (const size of [1, 4 * KIB]) {
    const ops = Array.from({ length: 8 }, (_, k) => `(memory.init $segment (i32.const ${k * size}) (i32.const 0) (i32.const ${size}))`);
    loops[`memory.init ${sizeName(size)}`] = { pages, body: `${segment} (func (export "run") ${unrolled(ops)})` };
  }
  return loops;
}

const TABLE = '(table 64 funcref) (elem declare func $empty) (func $empty)';

/**
 * Loops of one instruction class or host function each; `pages` is the largest memory a module
 * may declare, `imports` what the module imports and `input` what the call gets.
 */
function loops(pages) {
  return {
    'loop (br 0)': { body: '(func (export "run") (loop (br 0)))' },
    'indirect calls': { body: `(type $unit (func)) (table 1 funcref) (elem (i32.const 0) $empty) (func $empty)
      (func (export "run") (loop ${'(call_indirect (type $unit) (i32.const 0)) '.repeat(8)} (br 0)))` },
    'calls': { body: `(func $empty) (func (export "run") (loop ${'(call $empty) '.repeat(8)} (br 0)))` },
    'i64.div_u': { body: `(global $d (mut i64) (i64.const 3)) (func (export "run") (local $x i64)
      (loop (local.set $x (i64.div_u (i64.const -1) (global.get $d))) (br 0)))` },
    // A global copied straight into another, the slowest shape of `global.set`.
    'global.set': { body: `(global $zero (mut i32) (i32.const 0)) (global $g (mut i32) (i32.const 0)) (func (export "run")
      (loop ${'(global.set $g (global.get $zero)) '.repeat(8)} (br 0)))` },
    'memory.size': { body: `(func (export "run") (local $size i32)
      (loop ${'(local.set $size (memory.size)) '.repeat(8)} (br 0)))` },
    'table.get': { body: `${TABLE} (func (export "run") (local $element funcref)
      (loop ${'(local.set $element (table.get (i32.const 0))) '.repeat(8)} (br 0)))` },
    // wasmi turns a `br_if` on a constant into a `br`, and charges the operators it read.
    'loop (br_if 0 (i32.const 1))': { body: '(func (export "run") (loop (br_if 0 (i32.const 1))))' },
    'loop (br_if 0 (local.get 0))': { body: `(func (export "run") (local $one i32) (local.set $one (i32.const 1))
      (loop (br_if 0 (local.get $one))))` },
    'if/else': { body: `(func (export "run") (local $one i32) (local.set $one (i32.const 1))
      (loop ${'(if (local.get $one) (then (nop)) (else (nop))) '.repeat(8)} (br 0)))` },
    ...bulkLoops(pages),
    'table.fill 1 element': { body: `${TABLE} (func (export "run")
      ${unrolled(Array.from({ length: 8 }, (_, k) => `(table.fill (i32.const ${k}) (ref.null func) (i32.const 1))`))})` },
    'table.copy 1 element': { body: `${TABLE} (func (export "run")
      ${unrolled(Array.from({ length: 8 }, (_, k) => `(table.copy (i32.const ${k + 8}) (i32.const ${k}) (i32.const 1))`))})` },
    'table.set': { body: `${TABLE} (func (export "run")
      ${unrolled(Array.from({ length: 8 }, (_, k) => `(table.set (i32.const ${k}) (ref.func $empty))`))})` },
    'memory.grow past max_memory_pages': { pages, body: `(func (export "run")
      ${unrolled(Array.from({ length: 8 }, () => '(drop (memory.grow (i32.const 1)))'))})` },
    // Each call instantiates a contract of `pages - 1` pages that grows by one page, which moves
    // all of them into a new allocation (`Cost::MemoryCopy`).
    'nested calls, each growing a memory by a page': {
      imports: `(import "env" "get_input_into" (func $input (param i32 i32) (result i32)))
      (import "env" "call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))`,
      callee: `(module (memory (export "memory") ${Math.max(pages - 1, 1)})
      (func (export "run") (drop (memory.grow (i32.const 1)))))`,
      body: `(data (i32.const 64) "run") (func (export "run") (drop (call $input (i32.const 0) (i32.const 32)))
      ${unrolled(['(drop (call $call (i32.const 0) (i32.const 64) (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 128) (i64.const 0)))'])})`,
    },
    // The host function charged least: a host call and nothing more beyond the entry each
    // benchmark deducts (`costs::contract_entry`).
    'get_block_number': {
      imports: '(import "env" "get_block_number" (func $number (result i64)))',
      body: `(func (export "run") ${unrolled(Array.from({ length: 8 }, () => '(drop (call $number))'))})`,
    },
    'crypto_hash of 32 bytes': {
      imports: '(import "env" "crypto_hash" (func $hash (param i32 i32 i32) (result i32)))',
      body: `(func (export "run") ${unrolled(Array.from({ length: 8 }, () => '(drop (call $hash (i32.const 0) (i32.const 32) (i32.const 64)))'))})`,
    },
    // Each call places the input through `allocate`, a call from the host back into the contract.
    'get_input through allocate': {
      imports: '(import "env" "get_input" (func $input (result i64)))',
      input: new Uint8Array(32).fill(7),
      body: `(func (export "allocate") (param i32) (result i32) (i32.const 1024))
      (func (export "run") ${unrolled(Array.from({ length: 8 }, () => '(drop (call $input))'))})`,
    },
  };
}

async function included(api, tx, signer) {
  const outcome = await submit(api, tx, signer);
  const header = await api.rpc.chain.getHeader(outcome.blockHash);
  return { outcome, number: header.number.toNumber(), hash: outcome.blockHash };
}

/** `build ms / weight ms` and the figures it comes from, for block `hash` numbered `number`. */
async function blockLine(api, logPath, { number, hash }) {
  const weight = ms((await blockWeight(api, hash)).total.refTime);
  const built = await preparedMs(logPath, number);
  const ratio = built / weight;
  return { ratio, line: `block ${number}: weight ${weight.toFixed(1)} ms, built in ${built} ms, ratio ${ratio.toFixed(2)}` };
}

console.log(machineLine());
const node = await startNode({ name: 'block-time' });
const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
try {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const { maxContractGas, maxMemoryPages } = await api.query.wasmContracts.parameters();
  const refTime = BigInt(process.env.GAS_MS ?? 1000) * 1_000_000_000n;
  const gasLimit = { refTime, proofSize: maxContractGas.proofSize.toBigInt() };
  const only = process.env.LOOPS ? new RegExp(process.env.LOOPS) : null;
  console.log(`gas limit ${ms(refTime)} ms per call; the ratio is build time / block weight (all classes)`);
  const maxRatio = process.env.MAX_RATIO ? Number(process.env.MAX_RATIO) : null;
  const above = [];
  console.log(`remark: ${(await blockLine(api, node.logPath, await included(api, api.tx.system.remark('0x00'), alice))).line}`);
  for (const [name, { pages = 1, imports = '', input: given = new Uint8Array(), body, callee }] of Object.entries(loops(maxMemoryPages.toNumber()))) {
    if (only && !only.test(name)) continue;
    // A loop that calls another contract gets its address as input.
    let input = given;
    if (callee) {
      const { codeId: calleeCode } = await uploadCode(api, alice, await watToWasm(callee, `${name} callee.wat`));
      input = decodeAddress((await instantiate(api, alice, calleeCode)).contract);
    }
    const wasm = await watToWasm(`(module ${imports} (memory (export "memory") ${pages}) ${body})`, `${name}.wat`);
    const { codeId } = await uploadCode(api, alice, wasm);
    const { contract } = await instantiate(api, alice, codeId);
    const call = await included(api, executeTx(api, contract, 'run', input, gasLimit), alice);
    // Every loop runs until its gas is spent; any other end means it measured something else.
    const end = call.outcome.error?.name === 'OutOfGas' ? '' : ` (ended with ${call.outcome.error?.name ?? 'success'})`;
    const { ratio, line } = await blockLine(api, node.logPath, call);
    console.log(`${name}: ${line}${end}`);
    if (maxRatio !== null && ratio > maxRatio) above.push(name);
  }
  console.log(loadLine());
  if (above.length) {
    console.log(`above the ratio ${maxRatio}: ${above.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await api.disconnect();
  await node.stop();
}
