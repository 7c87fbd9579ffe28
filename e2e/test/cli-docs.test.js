// Runs every command of docs/cli.md's examples, in order, as a reader runs them in a shell. The
// examples are one session, from `new` to `verify`, on a chain started as scripts/dev-chain.sh
// starts it (a block every 3 s, finalized, so `--finalized` returns). A line's comment says what
// it prints: `…` stands for anything, `$NAME` for a value that later lines use as the shell
// variable NAME, `(exit N)` for the exit code of a failure (0 otherwise), and `; ` separates
// things printed apart.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { useChain } from '../lib/chain.js';
import { codeBlocks } from '../lib/snippets.js';
import { toolBinary } from '../lib/tool.js';

const PAGE = new URL('../../docs/cli.md', import.meta.url);
// The deploy module the session's folder holds, as contracts/build.sh builds it.
const PAYROLL = new URL('../../contracts/build/payroll.wasm', import.meta.url);
// A line may build a contract crate and run its sandbox tests.
const LINE_TIMEOUT_MS = 900_000;

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a comment says a line prints, as patterns: a `$NAME` already set must be printed as it
 * is, one not set yet becomes a named group.
 */
function expectations(comment, variables) {
  const exit = comment.match(/\s*\(exit (\d+)\)\s*$/);
  const printed = exit ? comment.slice(0, exit.index) : comment;
  const patterns = printed
    .split('; ')
    .filter((part) => part.trim() !== '')
    .map((part) => new RegExp(part.trim().split(/(…|\$[A-Z_]+)/).map((token) => {
      if (token === '…') return '[\\s\\S]*?';
      const name = token.match(/^\$([A-Z_]+)$/)?.[1];
      if (name) return Object.hasOwn(variables, name) ? escapeRegExp(variables[name]) : `(?<${name}>\\S+)`;
      return escapeRegExp(token).replace(/\s+/g, '\\s+');
    }).join('')));
  return { patterns, exitCode: exit ? Number(exit[1]) : 0 };
}

/** The example lines of the page's `sh` blocks from `from` on: `{ command, comment }`. */
function examples(from) {
  return codeBlocks(PAGE, 'sh', from)
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = line.search(/\s+# /);
      return at < 0
        ? { command: line.trim(), comment: '' }
        : { command: line.slice(0, at).trim(), comment: line.slice(at).replace(/^\s+# /, '') };
    });
}

describe('docs/cli.md', () => {
  const chain = useChain('cli-docs', { devChain: true });
  const folder = mkdtempSync(join(tmpdir(), 'cli-docs-'));
  copyFileSync(PAYROLL, join(folder, 'payroll.wasm'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('runs every example of its commands, in order, printing what the page says', () => {
    const lines = examples('## Commands');
    assert.ok(lines.length >= 20, `the page has its examples (${lines.length})`);
    const documented = new Set(lines.map(({ command }) => command.match(/^cargo wasm-contracts (\S+)/)?.[1]).filter(Boolean));
    for (const command of ['new', 'build', 'upload', 'instantiate', 'execute', 'call', 'query', 'migrate', 'admin', 'deploy',
      'info', 'history', 'storage', 'remove-code', 'verify', 'describe', 'encode', 'decode']) {
      assert.ok(documented.has(command), `an example of \`${command}\``);
    }

    // `cargo wasm-contracts` finds the binary under test first; `WASM_CONTRACTS_URL` points
    // every command at the suite's node, as the page's conventions say.
    const variables = {};
    let cwd = folder;
    for (const { command, comment } of lines) {
      const { patterns, exitCode } = expectations(comment, variables);
      const script = `${command}\nstatus=$?\npwd >&3\nexit $status\n`;
      const run = spawnSync('bash', ['-c', script], {
        cwd,
        encoding: 'utf8',
        timeout: LINE_TIMEOUT_MS,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...variables, WASM_CONTRACTS_URL: chain.url, PATH: `${dirname(toolBinary())}:${process.env.PATH}` },
      });
      if (run.error) throw run.error;
      const printed = `${run.stdout}${run.stderr}`;
      assert.equal(run.status, exitCode, `\`${command}\` exits ${run.status}, the page says ${exitCode}:\n${printed}`);
      for (const pattern of patterns) {
        const found = printed.match(pattern);
        assert.ok(found, `\`${command}\` prints ${pattern}; it printed:\n${printed}`);
        Object.assign(variables, found.groups);
      }
      cwd = run.output[3].trim() || cwd;
    }
    assert.ok(variables.CODE_ID && variables.CONTRACT, 'the session names its code id and contract');
  });
});
