#!/usr/bin/env node
// Compiles the peer-pallet benchmark contracts. Run through build.sh, which
// installs the pinned toolchain into ./node_modules first.
//
//   Token.sol  --solc 0.8.30 (solc-js)-->          Token.evm      (EVM init code)
//   Token.sol  --resolc 0.3.0 (@parity/resolc)-->  Token.polkavm  (PolkaVM blob, "PVM\0")
//   token_contracts.wat --wabt wat2wasm-->         token_contracts.wasm
//   selectors from solc's evm.methodIdentifiers -> Token.abi.json, Token.selectors.txt
'use strict';

const fs = require('fs');
const path = require('path');

const here = __dirname;
const out = (name) => path.join(here, name);

const solc = require('solc');
// The package's exports map exposes only its index, whose compile() requests
// just the ABI; the resolc module itself takes full standard JSON input.
const resolc = require(path.join(here, 'node_modules/@parity/resolc/dist/resolc.js'));
const resolcPkg = require(path.join(here, 'node_modules/@parity/resolc/package.json'));
const wabtPkg = require(path.join(here, 'node_modules/wabt/package.json'));

const EXPECT = { resolc: '0.3.0', solc: '0.8.30', wabt: '1.0.39' };

function fail(msg) {
  console.error(`error: ${msg}`);
  process.exit(1);
}

function checkErrors(tool, output) {
  let bad = false;
  for (const e of output.errors || []) {
    const text = e.formattedMessage || e.message;
    if (e.severity === 'error') {
      bad = true;
      console.error(`${tool}: ${text}`);
    } else {
      console.warn(`${tool} (${e.severity}): ${text}`);
    }
  }
  if (bad) fail(`${tool} failed`);
}

function keccakHex(text) {
  // js-sha3 is a dependency of solc-js.
  const { keccak256 } = require('js-sha3');
  return keccak256(text);
}

function writeBin(name, buf) {
  fs.writeFileSync(out(name), buf);
  console.log(`${name.padEnd(22)} ${String(buf.length).padStart(7)} bytes`);
}

async function main() {
  // Versions: refuse to build with anything but the pinned tools.
  const solcVersion = solc.version();
  if (resolcPkg.version !== EXPECT.resolc) fail(`@parity/resolc ${resolcPkg.version}, want ${EXPECT.resolc}`);
  if (!solcVersion.startsWith(EXPECT.solc + '+')) fail(`solc ${solcVersion}, want ${EXPECT.solc}`);
  if (wabtPkg.version !== EXPECT.wabt) fail(`wabt ${wabtPkg.version}, want ${EXPECT.wabt}`);
  console.log(`solc   ${solcVersion}`);
  console.log(`resolc ${resolc.version().trim()}`);
  console.log(`wabt   ${wabtPkg.version}`);

  const source = fs.readFileSync(out('Token.sol'), 'utf8');
  const sources = { 'Token.sol': { content: source } };

  // 1. EVM init code with solc-js 0.8.30 (the solc that resolc 0.3.0 drives).
  const solcInput = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { 'Token.sol': { Token: ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } },
    },
  };
  const solcOut = JSON.parse(solc.compile(JSON.stringify(solcInput)));
  checkErrors('solc', solcOut);
  const evmContract = solcOut.contracts['Token.sol'].Token;
  const evm = Buffer.from(evmContract.evm.bytecode.object, 'hex');
  if (evm.length === 0) fail('solc produced no bytecode');

  // 2. PolkaVM blob with resolc 0.3.0 (standard JSON, like `resolc --standard-json`).
  const resolcInput = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, mode: '3', fallback_to_optimizing_for_size: false, runs: 200 },
      outputSelection: { 'Token.sol': { Token: ['abi', 'evm.bytecode', 'evm.methodIdentifiers'] } },
    },
  };
  const resolcOut = resolc.resolc(JSON.stringify(resolcInput));
  checkErrors('resolc', resolcOut);
  const pvmContract = resolcOut.contracts['Token.sol'].Token;
  const pvm = Buffer.from(pvmContract.evm.bytecode.object, 'hex');
  if (pvm.subarray(0, 4).toString('latin1') !== 'PVM\0') fail('resolc output lacks the PVM\\0 magic');
  if (evm.subarray(0, 4).toString('latin1') === 'PVM\0') fail('EVM output starts with PVM\\0');

  // 3. Selectors: keccak256(signature)[0..4], checked against both compilers.
  const ids = evmContract.evm.methodIdentifiers;
  const selectors = {};
  for (const sig of Object.keys(ids).sort()) {
    const computed = keccakHex(sig).slice(0, 8);
    if (computed !== ids[sig]) fail(`selector mismatch for ${sig}: ${computed} vs ${ids[sig]}`);
    if (pvmContract.evm.methodIdentifiers && pvmContract.evm.methodIdentifiers[sig] !== computed) {
      fail(`resolc selector mismatch for ${sig}`);
    }
    selectors[sig] = '0x' + computed;
  }
  const transferTopic = '0x' + keccakHex('Transfer(address,address,uint256)');

  const abiFile = {
    contract: 'Token',
    source: 'Token.sol',
    compilers: { solc: solcVersion, resolc: resolc.version().trim() },
    selectors,
    events: { 'Transfer(address,address,uint256)': transferTopic },
    abi: evmContract.abi,
  };
  fs.writeFileSync(out('Token.abi.json'), JSON.stringify(abiFile, null, 2) + '\n');
  const lines = Object.entries(selectors).map(([sig, sel]) => `${sel} ${sig}`);
  lines.push(`${transferTopic} event Transfer(address,address,uint256) topic0`);
  fs.writeFileSync(out('Token.selectors.txt'), lines.join('\n') + '\n');

  writeBin('Token.evm', evm);
  writeBin('Token.polkavm', pvm);

  // 4. pallet-contracts wasm: MVP + sign-extension only.
  const wabt = await require('wabt')();
  const watText = fs.readFileSync(out('token_contracts.wat'), 'utf8');
  const features = {
    exceptions: false, mutable_globals: false, sat_float_to_int: false, sign_extension: true,
    simd: false, threads: false, function_references: false, multi_value: false, tail_call: false,
    bulk_memory: false, reference_types: false, annotations: false, code_metadata: false, gc: false,
    memory64: false, extended_const: false, relaxed_simd: false,
  };
  const mod = wabt.parseWat('token_contracts.wat', watText, features);
  mod.resolveNames();
  mod.validate(features);
  const { buffer } = mod.toBinary({ log: false, write_debug_names: false, canonicalize_lebs: true, relocatable: false });
  mod.destroy();
  const wasm = Buffer.from(buffer);

  // Re-read the binary with the same restricted feature set and refuse floats
  // (pallet-contracts loads new code with floats disabled).
  const check = wabt.readWasm(new Uint8Array(wasm), { readDebugNames: false, check: true, ...features });
  check.validate();
  const text = check.toText({ foldExprs: false, inlineExport: false });
  check.destroy();
  if (/\bf(32|64)\./.test(text)) fail('the wasm module uses float operators');

  // Load it for real (imports included): compiles only if the module is valid.
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  const exports = WebAssembly.Module.exports(module);
  const exportNames = exports.map((e) => `${e.name}:${e.kind}`).sort().join(',');
  if (exportNames !== 'call:function,deploy:function') fail(`unexpected exports ${exportNames}`);
  const mem = imports.filter((i) => i.kind === 'memory');
  if (mem.length !== 1 || mem[0].module !== 'env' || mem[0].name !== 'memory') fail('memory import must be env.memory');
  writeBin('token_contracts.wasm', wasm);
  for (const i of imports) console.log(`  import ${i.module}.${i.name} (${i.kind})`);
  for (const e of exports) console.log(`  export ${e.name} (${e.kind})`);
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
