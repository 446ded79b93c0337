// How every browser test launches headless Chromium (npm/test and the demo page's www/tests
// import this file): Debian's /usr/bin/chromium (CHROMIUM_PATH overrides it) with a fresh
// temporary profile and nothing that reaches the network on its own.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The options of playwright-core's `chromium.launch`. */
export function chromiumOptions() {
  return {
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}
