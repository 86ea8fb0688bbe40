import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt-get install chromium fonts-wqy-microhei); never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, no GPU, and none of Chromium's own network chatter (updates, sync, QUIC): on a closed
 * network those connections fail by the dozen and slow every start. Playwright gives each launch a
 * fresh temporary profile and adds --headless and --no-sandbox itself.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
