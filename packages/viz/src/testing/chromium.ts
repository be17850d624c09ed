/** Debian's Chromium (`apt-get install chromium`): playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The flags the project runs Chromium with everywhere (tests and the viewer benchmark): headless,
 * no sandbox (CI containers run as root), and nothing that reaches the network on its own.
 */
export const CHROMIUM_FLAGS: readonly string[] = Object.freeze([
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);
