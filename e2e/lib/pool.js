// Following transactions through the node's pool, as a client that must know what became of
// each does: `author_submitAndWatchExtrinsic`, and the statuses it reports.

/**
 * Submits `tx.hex` with `author_submitAndWatchExtrinsic` on `provider`; resolves when the pool
 * answers. Records on `tx`: `accepted` or `refused` (the pool's error message), then `status`
 * (the last one reported), `block` (of `inBlock` or `finalized`), `settled` (a final status) and
 * `heard` (when the last news came).
 */
export function watch(provider, tx) {
  return provider
    .subscribe('author_extrinsicUpdate', 'author_submitAndWatchExtrinsic', [tx.hex], (error, status) => {
      tx.heard = Date.now();
      if (error) return;
      const kind = typeof status === 'string' ? status : Object.keys(status)[0];
      tx.status = kind;
      if (kind === 'inBlock' || kind === 'finalized') tx.block = status[kind];
      if (['inBlock', 'finalized', 'dropped', 'invalid', 'usurped'].includes(kind)) tx.settled = true;
    })
    .then(() => { tx.accepted = true; tx.heard = Date.now(); }, (error) => { tx.refused = error.message; });
}

/**
 * Waits until every accepted transaction of `txs` is settled, or none has been heard of for
 * `quietMs`; returns those still open then: accepted, and neither included nor reported.
 */
export async function settled(txs, quietMs) {
  for (;;) {
    const open = txs.filter((tx) => tx.accepted && !tx.settled);
    if (open.length === 0) return [];
    if (open.every((tx) => Date.now() - tx.heard > quietMs)) return open;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
