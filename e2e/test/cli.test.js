// The contract tool (`cargo wasm-contracts`) against the dev node: a new crate from its template,
// built, uploaded, instantiated, executed and queried, with its events decoded, the dry run that
// changes nothing, JSON output, and each kind of failure with its message and exit code.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { useChain } from '../lib/chain.js';
import { toolBinary } from '../lib/tool.js';

/** Exit codes of the tool (cli/src/error.rs, docs/cli.md). */
const EXIT = {
  unknownEntryPoint: 6, badArgument: 7, connection: 10, cannotPay: 12, depositLimit: 13, reverted: 14, outOfGas: 15,
  dispatch: 16, mismatch: 17,
};

const BUILD = new URL('../../contracts/build/', import.meta.url).pathname;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

describe('the contract tool', () => {
  const chain = useChain('cli');
  const tool = toolBinary();
  const folder = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  const crate = join(folder, 'my-counter');
  let contract;
  let codeId;

  /** Runs the tool in the crate's folder; returns `{ status, stdout, stderr, json }`. */
  function run(args, { json = true, cwd = crate, env = {} } = {}) {
    const full = [...(json ? ['--output-json'] : []), ...args];
    const result = spawnSync(tool, full, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, ...env } });
    if (result.error) throw result.error;
    let parsed = null;
    if (json) {
      assert.doesNotThrow(() => { parsed = JSON.parse(result.stdout); }, `stdout of ${full.join(' ')} is JSON: ${result.stdout}`);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: parsed };
  }

  /** Runs the tool (against the suite's node unless `offline`); it must succeed. */
  function ok(args, { offline = false } = {}) {
    const result = run(offline ? args : [...args, '--url', chain.url]);
    assert.equal(result.status, 0, `${args.join(' ')} failed: ${result.stderr}`);
    assert.equal(result.json.ok, true);
    return result.json.result;
  }

  /** Runs the tool against `url`; it must fail with `code` and a message matching `pattern`. */
  function fails(args, code, pattern, url = chain.url) {
    const result = run([...args, '--url', url]);
    assert.equal(result.status, code, `${args.join(' ')}: exit ${result.status}, ${result.stderr}`);
    assert.equal(result.json.ok, false);
    assert.match(result.json.error.message, pattern);
    assert.equal(result.stderr.trim().split('\n').at(-1), `error: ${result.json.error.message}`, 'one line on standard error');
    return result.json.error;
  }

  const count = () => ok(['query', contract, 'get']).output;

  before(() => {
    const created = run(['new', 'my-counter'], { cwd: folder });
    assert.equal(created.status, 0, created.stderr);
    const built = run(['build']);
    assert.equal(built.status, 0, built.stderr);
    assert.match(built.json.result.code_hash, /^0x[0-9a-f]{64}$/);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('uploads, instantiates, executes and queries a new crate, and decodes its events', () => {
    const dryUpload = ok(['upload']);
    assert.equal(dryUpload.dry_run, true);

    const uploaded = ok(['upload', '-x']);
    assert.equal(uploaded.dry_run, false);
    codeId = uploaded.code_id;
    assert.ok(Number.isInteger(codeId), 'a code id');
    const event = uploaded.events.find((candidate) => candidate.name === 'CodeUploaded');
    assert.equal(event.fields.code_id, codeId);

    const instantiated = ok(['instantiate', String(codeId), '40', '--admin', ALICE, '-x']);
    contract = instantiated.contract;
    assert.match(contract, /^5[1-9A-HJ-NP-Za-km-z]{47}$/, 'an SS58 address');
    assert.equal(count(), 40);

    const executed = ok(['execute', contract, 'increase', '2', '-x']);
    assert.equal(executed.output, 42);
    const counted = executed.events.find((candidate) => candidate.name === 'ContractEmitted');
    assert.equal(counted.decoded.topic, 'counted');
    assert.equal(counted.decoded.data.count, 42);
    assert.match(counted.decoded.data.by, /^0x[0-9a-f]{64}$/);
    assert.equal(count(), 42);

    const info = ok(['info', 'contract', contract]);
    assert.equal(info.code_id, codeId);
  });

  it('dry-runs by default and changes nothing', () => {
    const now = count();
    const dryRun = ok(['call', contract, 'increase', '5']);
    assert.equal(dryRun.dry_run, true);
    assert.equal(dryRun.output, now + 5);
    assert.ok(dryRun.gas_required.ref_time > 0);
    assert.equal(count(), now);
    const text = run(['execute', contract, 'increase', '5', '--url', chain.url], { json: false });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /nothing was executed/);
  });

  it('describes, encodes and decodes offline, reads storage and history', () => {
    const described = ok(['describe'], { offline: true });
    assert.deepEqual(described.entry_points.map((entry) => `${entry.kind} ${entry.name}`), ['instantiate instantiate', 'execute increase', 'query get']);
    assert.equal(described.events[0].data, 'Counted { by: Address, count: u64 }');
    // The same binary as a cargo subcommand.
    const viaCargo = spawnSync('cargo', ['wasm-contracts', '--output-json', 'describe'], {
      cwd: crate, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(tool)}:${process.env.PATH}` },
    });
    assert.equal(viaCargo.status, 0, viaCargo.stderr);
    assert.deepEqual(JSON.parse(viaCargo.stdout).result, described);
    assert.equal(ok(['encode', 'increase', '2'], { offline: true }).message, '0x0200000000000000');
    assert.equal(ok(['decode', 'error', 'increase', '0x00'], { offline: true }), 'ZeroStep');
    assert.deepEqual(ok(['decode', 'event', 'counted', `0x${'01'.repeat(32)}2a00000000000000`], { offline: true }), { by: `0x${'01'.repeat(32)}`, count: 42 });
    assert.equal(ok(['storage', contract, 'count', '--as', 'u64']).decoded, count());
    assert.equal(ok(['storage', contract, 'nothing']).value, null);
    const history = ok(['history', contract]);
    assert.equal(history.length, 1);
    assert.deepEqual(history[0].change, 'Instantiate');
  });

  it('signs with a polkadot.js keystore, its password not on the command line', () => {
    const keystore = join(folder, 'bob.json');
    writeFileSync(keystore, JSON.stringify(chain.bob.toJson('correct horse')));
    const now = count();
    const signed = run(['execute', contract, 'increase', '1', '-x', '--keystore', keystore, '--url', chain.url], {
      env: { WASM_CONTRACTS_KEYSTORE_PASSWORD: 'correct horse' },
    });
    assert.equal(signed.status, 0, signed.stderr);
    const counted = signed.json.result.events.find((event) => event.name === 'ContractEmitted');
    assert.equal(counted.decoded.data.by, `0x${Buffer.from(chain.bob.publicKey).toString('hex')}`, 'Bob signed');
    assert.equal(count(), now + 1);
    const wrong = run(['execute', contract, 'increase', '1', '-x', '--keystore', keystore, '--url', chain.url], {
      env: { WASM_CONTRACTS_KEYSTORE_PASSWORD: 'wrong' },
    });
    assert.equal(wrong.status, EXIT.badArgument);
    assert.match(wrong.json.error.message, /wrong password/);
  });

  it('names what went wrong, with an exit code for each kind, and changes nothing', () => {
    const now = count();
    fails(['query', contract, 'get'], EXIT.connection, /cannot reach a node at ws:\/\/127\.0\.0\.1:1/, 'ws://127.0.0.1:1');
    fails(['execute', contract, 'decrease', '1'], EXIT.unknownEntryPoint, /has no execute entry point `decrease`; it has: increase/);
    fails(['execute', contract, 'get'], EXIT.unknownEntryPoint, /`get` is a query entry point: run it with `query`/);
    fails(['execute', contract, 'increase', '"two"'], EXIT.badArgument, /expected u64/);
    fails(['execute', contract, 'increase', '0', '-x'], EXIT.reverted, /the contract reverted: ZeroStep/);
    fails(['execute', contract, 'increase', '1', '--gas', '1000:1000', '-x'], EXIT.outOfGas, /out of gas: the call needs \d+:\d+/);
    fails(['instantiate', String(codeId), '1', '--storage-deposit-limit', '1', '-x'], EXIT.depositLimit, /storage deposit of \d+, above the limit of 1/);
    fails(['execute', contract, 'increase', '1', '-x', '--suri', '//NobodyHasFunds'], EXIT.cannotPay, /cannot pay/);
    assert.equal(count(), now, 'no failure changed the count');
  });

  it('migrates, hands over and clears the admin, removes unused code, verifies code, and deploys', () => {
    const again = ok(['upload', '-x']).code_id;
    assert.notEqual(again, codeId);
    const before = count();
    const dryMigration = ok(['migrate', contract, String(again)]);
    assert.equal(dryMigration.dry_run, true);
    assert.equal(ok(['info', 'contract', contract]).code_id, codeId, 'the dry run moved nothing');
    ok(['migrate', contract, String(again), '-x']);
    assert.equal(ok(['info', 'contract', contract]).code_id, again);
    assert.equal(ok(['history', contract]).length, 2);
    assert.equal(count(), before, 'migration keeps the state');

    ok(['admin', 'set', contract, BOB, '-x']);
    fails(['admin', 'clear', contract, '-x'], EXIT.dispatch, /WasmContracts::NotAdmin/);
    ok(['admin', 'clear', contract, '-x', '--suri', '//Bob']);
    assert.equal(ok(['info', 'contract', contract]).admin, null);

    ok(['remove-code', String(codeId), '-x']);
    fails(['info', 'code', String(codeId)], EXIT.dispatch, /no code id/);

    assert.equal(ok(['verify', String(again)]).verified, true);
    const payroll = ok(['upload', '--wasm', `${BUILD}payroll.wasm`, '-x']).code_id;
    fails(['verify', String(payroll)], EXIT.mismatch, /not the same code/);

    const dryDeploy = ok(['deploy', `${BUILD}payroll.wasm`, '--payment-amount', '1000000000000']);
    assert.equal(dryDeploy.dry_run, true);
    const deployed = ok(['deploy', `${BUILD}payroll.wasm`, '--payment-amount', '1000000000000', '-x']);
    const outcome = deployed.events.find((event) => event.name === 'Deployed');
    assert.deepEqual(Object.keys(outcome.fields.session_result), ['Ok'], 'the session ran on the gas its dry run required');
    fails(['deploy', `${BUILD}payroll.wasm`, '--payment-amount', '1000000000000', '--gas', '1000:1000', '-x'], EXIT.outOfGas, /the session failed: the chain refused the call: WasmContracts::OutOfGas/);
  });
});
