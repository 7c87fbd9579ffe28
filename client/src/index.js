// The wasm-contracts client: everything here runs in a browser and in Node.js.

export * from './addresses.js';
export * from './bytes.js';
export * from './calls.js';
export * from './chain.js';
export * from './contract.js';
