// The README's main command as a user runs it: scripts/dev-chain.sh starts the dev chain on
// ws://127.0.0.1:9944 and serves the web page next to it, and the page connects to that chain
// without being told where it is. Ctrl-C stops both. The script runs the suite's node (NODE_BIN):
// a node of its own build would have other crate features than the test command's build of the
// node with the relay chain's parts, and take most of an hour to compile.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { connect } from '@wasm-contracts/client';
import { launchChromium } from '../lib/browser.js';
import { findNodeBinary, freePort } from '../lib/node.js';
import { waitFor } from '../lib/wait.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RPC_PORT = 9944;
/** Set-up's checks, the page's build and the node's start. */
const START_MS = 300_000;

/** Whether something accepts connections on 127.0.0.1:`port`. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

describe('scripts/dev-chain.sh', () => {
  let script, output = '', exited = null, webUrl, webPort;

  before(async () => {
    assert.equal(await listening(RPC_PORT), false, `port ${RPC_PORT} is taken: stop the chain that runs there before this test`);
    webPort = await freePort();
    // Its own process group, so that the test can stop it as Ctrl-C in a terminal does.
    script = spawn('bash', ['scripts/dev-chain.sh'], {
      cwd: REPO, detached: true, env: { ...process.env, NODE_BIN: findNodeBinary(), WEB_PORT: String(webPort) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    script.stdout.on('data', (chunk) => { output += chunk; });
    script.stderr.on('data', (chunk) => { output += chunk; });
    exited = new Promise((resolve) => script.once('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + START_MS;
    try {
      webUrl = await waitFor('dev-chain.sh prints the web page address', () => {
        const printed = output.match(/^Web page:\s+(http:\/\/\S+)/m)?.[1];
        if (printed === undefined && script.exitCode !== null) throw new Error(`dev-chain.sh exited (${script.exitCode}) without a web page address`);
        return printed;
      }, { timeoutMs: START_MS, intervalMs: 500 });
      await waitFor(`the node answers on port ${RPC_PORT}`, () => listening(RPC_PORT), { timeoutMs: deadline - Date.now(), intervalMs: 500 });
    } catch (error) {
      error.message += `; the script's output:\n${output.slice(-4_000)}`;
      throw error;
    }
  });

  after(async () => {
    if (script?.exitCode === null) {
      process.kill(-script.pid, 'SIGKILL');
      await exited;
    }
  });

  it('serves the web page, which connects to the chain it started', async () => {
    assert.equal(webUrl, `http://127.0.0.1:${webPort}/`);
    const response = await fetch(webUrl);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>[^<]*contracts[^<]*<\/title>/i);

    const api = await connect(`ws://127.0.0.1:${RPC_PORT}`);
    const chainName = (await api.rpc.system.chain()).toString();
    const genesis = api.genesisHash.toHex();
    await api.disconnect();

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(webUrl);
      await page.locator('[data-test="chain-name"]').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('[data-test="chain-name"]').textContent(), chainName);
      assert.equal(await page.locator('[data-test="genesis"]').getAttribute('title'), genesis);
    } finally {
      await browser.close();
    }
  });

  it('stops the chain and the page on Ctrl-C', async () => {
    process.kill(-script.pid, 'SIGINT');
    const ended = await Promise.race([exited, sleep(60_000).then(() => null)]);
    assert.ok(ended, 'dev-chain.sh still runs 60 s after SIGINT');
    assert.equal(await listening(RPC_PORT), false, 'the chain still listens');
    assert.equal(await listening(webPort), false, 'the page is still served');
  });
});
