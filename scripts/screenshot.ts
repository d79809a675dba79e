/**
 * Screenshots of the built app for the README: `npm run build && npm run screenshot`.
 * Serves dist/ with Vite's preview server, drives Debian's Chromium with Playwright, trains the
 * lesson's 10,000 episodes and saves docs/*.png.
 */
import { openBrowser } from './browser';
import type { Page } from '@playwright/test';

const only = process.argv[2];
/** The preview server's port (another one when several worktrees take screenshots at once). */
const port = Number(process.env.SCREENSHOT_PORT ?? 4391);

async function trainFull(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('status').filter({ hasText: 'Finished' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(400);
}

const session = await openBrowser(port);
const { browser } = session;
try {
  type Shot = {
    width: number;
    height: number;
    scheme: 'light' | 'dark';
    fullPage: boolean;
    act: (page: Page) => Promise<void>;
    /** The link's query, e.g. `?chapter=6`. */
    query?: string;
  };
  const presenter = async (page: Page) => {
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await trainFull(page);
  };
  const shots: Record<string, Shot> = {
    screenshot: { width: 1280, height: 900, scheme: 'light', fullPage: false, act: trainFull },
    panels: { width: 1280, height: 900, scheme: 'light', fullPage: true, act: trainFull },
    'presenter-light': {
      width: 1280,
      height: 720,
      scheme: 'light',
      fullPage: false,
      act: presenter,
    },
    'presenter-dark': { width: 1280, height: 720, scheme: 'dark', fullPage: false, act: presenter },
    start: { width: 1280, height: 900, scheme: 'light', fullPage: false, act: async () => {} },
    // The guided lesson's advantage chapter, after some training so its numbers are not all 0,
    // with its question asked and answered.
    'guided-lesson': {
      width: 1280,
      height: 800,
      scheme: 'light',
      fullPage: false,
      query: '?chapter=8',
      act: async (page) => {
        await page.getByRole('button', { name: 'Play' }).click();
        await page.waitForTimeout(4000);
        await page.getByRole('button', { name: 'Pause' }).click();
        await page.getByRole('button', { name: 'Ask me' }).click();
        await page.getByRole('textbox', { name: 'Your answer' }).fill('-0.1');
        await page.getByRole('button', { name: 'Check' }).click();
        // Scroll the page until the panel docks at the top (the grid stays in view), and the
        // panel down to the verdict.
        await page.locator('.guided-lesson').evaluate((el) => {
          const layout = el.parentElement!;
          window.scrollTo(0, layout.getBoundingClientRect().top + window.scrollY - 8);
          el.scrollTop = el.scrollHeight;
        });
        await page.waitForTimeout(300);
      },
    },
    // The visit-count layer after the lesson's run, with the convergence notice beside it.
    layers: {
      width: 1280,
      height: 900,
      scheme: 'light',
      fullPage: false,
      act: async (page) => {
        await page.getByRole('radio', { name: 'N(s,a)' }).check();
        await trainFull(page);
      },
    },
    // The Teacher's link dialog with two controls ticked, over the |δ| layer.
    'teacher-link': {
      width: 1280,
      height: 900,
      scheme: 'light',
      fullPage: false,
      act: async (page) => {
        await page.getByRole('radio', { name: '|δ(s,a)|' }).check();
        await trainFull(page);
        await page.getByRole('button', { name: "Teacher's link" }).click();
        const dialog = page.getByRole('dialog', { name: "Teacher's link" });
        await dialog.getByRole('checkbox', { name: 'Learning rate α slider' }).check();
        await dialog.getByRole('checkbox', { name: 'Glossary' }).check();
      },
    },
  };
  for (const [name, shot] of Object.entries(shots)) {
    if (only && only !== name) continue;
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
      // A full-page shot adds a style (below), which the page's Content-Security-Policy forbids.
      bypassCSP: shot.fullPage,
    });
    // tsx compiles functions passed to page.evaluate with a `__name` helper the page lacks.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(session.url + (shot.query ?? ''));
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await shot.act(page);
    if (shot.fullPage) {
      // Panels below the fold skip rendering (`content-visibility: auto`), and a full-page
      // capture does not scroll to them: render them all for the picture.
      await page.addStyleTag({
        content: '.page-grid > * { content-visibility: visible !important; }',
      });
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: `docs/${name}.png`, fullPage: shot.fullPage });
    console.log(`docs/${name}.png`);
    await page.close();
  }
} finally {
  await session.close();
}
