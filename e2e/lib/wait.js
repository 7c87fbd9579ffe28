// Waiting, with a deadline, for a state that a chain, a node or a page reaches in its own time.
import { setTimeout as sleep } from 'node:timers/promises';

/** Thrown by `waitFor` when its deadline passes. */
export class WaitTimeout extends Error {
  name = 'WaitTimeout';
}

/**
 * Calls `probe` every `intervalMs` until it answers with anything but `undefined` or `false`, and
 * returns that answer. Past `timeoutMs` it throws a `WaitTimeout` that names `what` (a clause:
 * "the relay chain enacts the code"); an error the probe throws ends the wait at once.
 */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 1_000 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined && answer !== false) return answer;
    if (Date.now() >= deadline) {
      throw new WaitTimeout(`timed out after ${Math.round(timeoutMs / 1000)} s waiting until ${what}`);
    }
    await sleep(intervalMs);
  }
}
