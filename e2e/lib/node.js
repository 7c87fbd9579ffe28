// Starts and stops a `wasm-contracts-node` dev chain for a test file.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from './wait.js';

const BINARY = 'wasm-contracts-node';
const PROFILES = ['testnet', 'release'];

/** Path of the node binary: `NODE_BIN`, else the newest build under the cargo target directory. */
export function findNodeBinary() {
  if (process.env.NODE_BIN) {
    if (!existsSync(process.env.NODE_BIN)) {
      throw new Error(`NODE_BIN=${process.env.NODE_BIN} does not exist`);
    }
    return process.env.NODE_BIN;
  }
  const targets = [process.env.CARGO_TARGET_DIR, join(homedir(), '.cache', 'wasm-contracts-target')]
    .filter(Boolean);
  const candidates = targets.flatMap((target) => PROFILES.map((profile) => join(target, profile, BINARY)));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `no ${BINARY} binary found (looked at ${candidates.join(', ')}); ` +
        'build it (see docs/runtime.md) or set NODE_BIN or WS_URL',
    );
  }
  return found;
}

/** A TCP port that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function rpcAnswers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok && (await response.json()).result !== undefined;
  } catch {
    return false;
  }
}

function tail(path, lines = 40) {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Nodes still running when this process ends, whatever the reason.
const running = new Set();
let handlersInstalled = false;

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const node of running) node.killNow();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      for (const node of running) node.killNow();
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 })[signal]);
    });
  }
}

/**
 * Starts a dev node with a temporary base path on free ports and waits until its RPC answers.
 * Blocks are sealed per transaction unless `E2E_BLOCK_TIME` (milliseconds) asks for timer blocks.
 * With `devChain`, the node runs as `scripts/dev-chain.sh` starts it (`--dev --tmp --rpc-cors all
 * --pool-type single-state` and no sealing flag: a block every 3 s), whatever `E2E_BLOCK_TIME` says.
 * With `basePath`, the node keeps its database there, and leaves it when it stops, for a node
 * started again on it. Returns `{ url, logPath, pid, stop(), kill() }`.
 */
export async function startNode({ name = 'e2e', startTimeoutMs = 180_000, devChain = false, basePath: keptPath = null } = {}) {
  const binary = findNodeBinary();
  // `--tmp` nodes keep their state in a directory of their own, removed when they stop.
  const ownPath = devChain || keptPath ? null : mkdtempSync(join(tmpdir(), 'wasm-contracts-e2e-'));
  const basePath = keptPath ?? ownPath;
  const logDir = process.env.E2E_LOG_DIR || join(tmpdir(), 'wasm-contracts-e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const logPath = join(logDir, `${name}-${rpcPort}.log`);
  const sealing = process.env.E2E_BLOCK_TIME
    ? ['--dev-block-time', process.env.E2E_BLOCK_TIME]
    : ['--instant-seal'];
  const chain = devChain
    ? ['--dev', '--tmp', '--rpc-cors', 'all', '--pool-type', 'single-state']
    : ['--dev', ...sealing, '--base-path', basePath];
  // Free ports, and no discovery or telemetry: the node stays apart from any other on the machine.
  const args = [
    ...chain,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    '--no-hardware-benchmarks',
  ];

  const log = createWriteStream(logPath);
  log.write(`$ ${binary} ${args.join(' ')}\n`);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const node = {
    url: `ws://127.0.0.1:${rpcPort}`,
    logPath,
    pid: child.pid,
    killNow() {
      if (exited === null) child.kill('SIGKILL');
      if (ownPath) rmSync(ownPath, { recursive: true, force: true });
    },
    /** Kills the node as a crash would (SIGKILL), mid-block or not; resolves once it is gone. */
    async kill() {
      running.delete(node);
      if (exited === null) child.kill('SIGKILL');
      await exitPromise;
      log.end();
    },
    async stop() {
      running.delete(node);
      if (exited === null) {
        child.kill('SIGTERM');
        const stopped = await Promise.race([exitPromise, sleep(15_000).then(() => null)]);
        if (stopped === null) {
          child.kill('SIGKILL');
          await exitPromise;
        }
      }
      log.end();
      if (ownPath) rmSync(ownPath, { recursive: true, force: true });
    },
  };
  installExitHandlers();
  running.add(node);

  try {
    await waitFor(`${BINARY}'s RPC answers`, async () => {
      if (exited !== null) throw new Error(`${BINARY} exited (${JSON.stringify(exited)}) before its RPC answered`);
      return rpcAnswers(rpcPort);
    }, { timeoutMs: startTimeoutMs, intervalMs: 250 });
  } catch (error) {
    await node.stop();
    throw new Error(`${error.message}; log ${logPath}:\n${tail(logPath)}`);
  }
  return node;
}
