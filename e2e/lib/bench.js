// What the benchmarks under e2e/bench/ share: the machine they ran on, the node's own account of
// how long it took to build a block, and the weight the runtime recorded for it.

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The CPU model and core count, from /proc/cpuinfo where there is one. Virtual machines often
 * report a generic name ("Intel(R) Xeon(R) Processor"), so family, model, stepping and clock
 * go with it.
 */
export function cpuModel() {
  let fields = {};
  try {
    const first = readFileSync('/proc/cpuinfo', 'utf8').split('\n\n')[0];
    fields = Object.fromEntries(first.split('\n').map((line) => line.split(':').map((part) => part.trim())));
  } catch {
    // Not Linux: what Node.js reports.
  }
  const model = fields['model name'] ?? cpus()[0]?.model ?? 'unknown CPU';
  const details = [
    fields['cpu family'] && `family ${fields['cpu family']} model ${fields.model} stepping ${fields.stepping}`,
    fields['cpu MHz'] && `${Math.round(Number(fields['cpu MHz']))} MHz`,
  ].filter(Boolean);
  return `${model}${details.length ? ` (${details.join(', ')})` : ''}, ${cpus().length} cores`;
}

/**
 * One line on the machine: CPU model and load averages. Timings taken while other work runs
 * (a compiler, say) come out longer than on an idle machine, so the load goes next to them.
 */
export function machineLine() {
  const [one, five] = loadavg();
  return `CPU: ${cpuModel()}; load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`;
}

/** The load averages now, for the end of a run (the first line has them at its start). */
export function loadLine() {
  const [one, five] = loadavg();
  return `load average at the end ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`;
}

const PREPARED = /Prepared block for proposing at (\d+) \((\d+) ms\)[^\n]*?end: (\w+)/g;

/**
 * Every "Prepared block for proposing" line of the node's log so far: block number to
 * `{ ms, end }`, where `end` is why the proposer stopped adding transactions (`NoMoreTransactions`,
 * `HitBlockWeightLimit`, `HitBlockSizeLimit`, `HitDeadline`, ...). A number built twice (a fork)
 * keeps its last line.
 */
export function preparedBlocks(logPath) {
  const blocks = new Map();
  for (const match of readFileSync(logPath, 'utf8').matchAll(PREPARED)) {
    blocks.set(Number(match[1]), { ms: Number(match[2]), end: match[3] });
  }
  return blocks;
}

/** Milliseconds the node logged for preparing block `number`, waiting up to 5 s for the line. */
export async function preparedMs(logPath, number) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const block = preparedBlocks(logPath).get(number);
    if (block) return block.ms;
    await sleep(100);
  }
  return NaN;
}

/**
 * The weight block `blockHash` consumed (`system.blockWeight` in its state), per dispatch class
 * and summed: `{ normal, operational, mandatory, total }`, each `{ refTime, proofSize }` as bigints.
 */
export async function blockWeight(api, blockHash) {
  const weight = await (await api.at(blockHash)).query.system.blockWeight();
  const part = (cls) => ({ refTime: weight[cls].refTime.toBigInt(), proofSize: weight[cls].proofSize.toBigInt() });
  const classes = { normal: part('normal'), operational: part('operational'), mandatory: part('mandatory') };
  const total = Object.values(classes).reduce(
    (sum, w) => ({ refTime: sum.refTime + w.refTime, proofSize: sum.proofSize + w.proofSize }),
    { refTime: 0n, proofSize: 0n },
  );
  return { ...classes, total };
}

/** Picoseconds of ref_time as milliseconds. */
export function ms(refTime) {
  return Number(refTime) / 1e9;
}
