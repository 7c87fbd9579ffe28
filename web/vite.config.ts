import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths: the built page works from any directory it is served under.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // @polkadot/* use BigInt literals and top-level await.
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
