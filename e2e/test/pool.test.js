// Floods of transactions through the pool of the dev node, as scripts/dev-chain.sh starts it
// (lib/pool-floods.js has the floods and what they check).

import { startNode } from '../lib/node.js';
import { poolFloods } from '../lib/pool-floods.js';

poolFloods('the pool of a dev node under floods of transfers', async () => {
  const node = await startNode({ name: 'pool', devChain: true });
  return { url: node.url, stop: () => node.stop() };
});
