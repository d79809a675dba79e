/**
 * Screenshots of the built app for the README: `npm run build && npm run screenshot [name]`.
 * Serves dist/ with Vite's preview server, drives Debian's Chromium with Playwright, trains the
 * lesson's 10,000 episodes and saves docs/*.png: the page at 1280x720, presenter mode (light and
 * dark), a phone (390x844), the N(s,a) layer, the Teacher's link dialog and a guided-lesson chapter.
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
  // The last episode's path and slip bubble fade within a second of the run's end.
  await page.waitForTimeout(1500);
}

/** One picture: the viewport, the colour scheme, the link's query and what to do first. */
interface Shot {
  width: number;
  height: number;
  scheme: 'light' | 'dark';
  /** A phone: touch, mobile viewport. */
  mobile?: boolean;
  /** The link's query, e.g. `?chapter=8`. */
  query?: string;
  act: (page: Page) => Promise<void>;
}

const presenter = async (page: Page) => {
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await trainFull(page);
};

const shots: Record<string, Shot> = {
  screenshot: { width: 1280, height: 720, scheme: 'light', act: trainFull },
  'presenter-light': { width: 1280, height: 720, scheme: 'light', act: presenter },
  'presenter-dark': { width: 1280, height: 720, scheme: 'dark', act: presenter },
  // A phone after one Step: the grid, the switch under it, the run buttons at the bottom.
  phone: {
    width: 390,
    height: 844,
    scheme: 'light',
    mobile: true,
    act: async (page) => {
      await page.getByRole('button', { name: 'Step', exact: true }).tap();
      await page.getByRole('status').filter({ hasText: 'Total steps 1' }).waitFor();
      await page.getByRole('group', { name: 'Show under the grid' }).scrollIntoViewIfNeeded();
    },
  },
  // The guided lesson's advantage chapter, after some training so its numbers are not all 0,
  // with its question asked and answered.
  'guided-lesson': {
    width: 1280,
    height: 720,
    scheme: 'light',
    query: '?chapter=8',
    act: async (page) => {
      // The chapter's code arrives after the first draw: wait for its question before training.
      await page.getByRole('button', { name: 'Ask me' }).waitFor();
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(4000);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Ask me' }).click();
      await page.getByRole('textbox', { name: 'Your answer' }).fill('-0.1');
      await page.getByRole('button', { name: 'Check' }).click();
      await page.waitForTimeout(300);
    },
  },
  // The visit-count layer after the lesson's run, with the convergence badge over it.
  layers: {
    width: 1280,
    height: 720,
    scheme: 'light',
    act: async (page) => {
      await page.getByRole('radio', { name: 'N(s,a)' }).check();
      await trainFull(page);
    },
  },
  // The Teacher's link dialog with two controls ticked, over the |δ| layer.
  'teacher-link': {
    width: 1280,
    height: 720,
    scheme: 'light',
    act: async (page) => {
      await page.getByRole('radio', { name: '|δ(s,a)|' }).check();
      await trainFull(page);
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.getByRole('button', { name: "Teacher's link" }).click();
      const dialog = page.getByRole('dialog', { name: "Teacher's link" });
      await dialog.getByRole('checkbox', { name: 'Learning rate α slider' }).check();
      await dialog.getByRole('checkbox', { name: 'Glossary' }).check();
    },
  },
};

const session = await openBrowser(port);
const { browser } = session;
try {
  for (const [name, shot] of Object.entries(shots)) {
    if (only && only !== name) continue;
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
      hasTouch: shot.mobile ?? false,
      isMobile: shot.mobile ?? false,
    });
    await page.goto(session.url + (shot.query ?? ''));
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await shot.act(page);
    await page.screenshot({ path: `docs/${name}.png` });
    console.log(`docs/${name}.png`);
    await page.close();
  }
} finally {
  await session.close();
}
