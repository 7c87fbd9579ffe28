// Floods of transactions through the pool of the collator at WS_URL, under zombienet
// (zombienet/network.zndsl; lib/pool-floods.js has the floods and what they check).

import { poolFloods } from '../lib/pool-floods.js';

poolFloods('the pool of a collator under floods of transfers', async () => ({ url: process.env.WS_URL, stop: async () => {} }));
