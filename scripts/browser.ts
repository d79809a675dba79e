/**
 * What the browser scripts share: serve dist/ with Vite's preview server and start Debian's
 * headless Chromium with the flags this machine needs. `close()` stops both.
 */
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';

/** A served build and a browser to open it in. */
export interface BrowserSession {
  browser: Browser;
  /** The served app's address, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ on `port` and launches Chromium (`CHROMIUM_PATH`, else /usr/bin/chromium). */
export async function openBrowser(port: number): Promise<BrowserSession> {
  const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  return {
    browser,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
