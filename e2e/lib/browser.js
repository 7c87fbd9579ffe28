// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).

import { chromium } from 'playwright-core';

/**
 * Flags for a headless Chromium on a machine without a network to the outside: without the
 * background-networking ones, Chromium keeps opening connections that are refused.
 */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts Chromium (`CHROMIUM_BIN`, else Debian's `/usr/bin/chromium`). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
