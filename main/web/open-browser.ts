import open from 'open';

/**
 * Opens the user's default browser at `url` (the `open` package: xdg-open,
 * macOS `open`, Windows `start`). When there is no browser to open, the
 * printed address is enough: say so and carry on.
 */
export async function openInBrowser(url: string, log: (message: string) => void): Promise<void> {
  try {
    const child = await open(url, { wait: false });
    child.once('error', (error) => log(`could not open a browser (${error.message}); open the address above yourself`));
    child.unref();
  } catch (error) {
    log(`could not open a browser (${error instanceof Error ? error.message : String(error)}); open the address above yourself`);
  }
}
