/**
 * Issue 22, as a careless or hostile user would meet it: a link of junk, a long replay.
 */
import type { Locator, Page } from '@playwright/test';
import { LESSON_PARAMS } from '../src/rl/params';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

/** The main grid, whichever role its host gives it. */
function mainGrid(page: Page): Locator {
  return page
    .getByRole('img', { name: /^Ice Maze \d+ by \d+/ })
    .or(page.getByRole('grid', { name: /^Ice Maze \d+ by \d+/ }))
    .first();
}

/** About 100 KB of junk for a link: `hide=` with thousands of names it does not know, and more. */
function junkQuery(): string {
  const names = Array.from({ length: 12_000 }, (_, i) => `x${i.toString(36)}y`).join(',');
  const unknown = Array.from({ length: 3_000 }, (_, i) => `k${i}=${i}`).join('&');
  return `?hide=${names}&${unknown}&alpha=0x10&seed=1e309`;
}

test.describe('at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a 100 KB link of junk leaves the grid where it was, on the first screen, and the notices under 2,000 characters', async ({
    page,
  }) => {
    await openLab(page);
    const clean = await mainGrid(page).boundingBox();
    const query = junkQuery();
    expect(query.length).toBeGreaterThan(100_000);

    // A request line this long is refused by the preview server (431), as by most servers; the
    // page itself reads the link from `location`, so the built page is served for it directly.
    await page.route(
      (url) => url.search.length > 10_000,
      (route) => route.fulfill({ path: 'dist/index.html', contentType: 'text/html' }),
    );
    await openLab(page, query);
    const notices = page.getByRole('list', { name: 'Messages' });
    await expect(notices).toBeVisible();
    const box = await mainGrid(page).boundingBox();
    expect(box).toEqual(clean);
    expect(box!.y + box!.height).toBeLessThanOrEqual(720);
    const text = (await notices.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(2000);

    // Expanded, every notice stays bounded, and the grid still does not move.
    for (const button of await notices.getByRole('button', { name: 'Full text' }).all()) {
      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
    }
    expect(((await notices.textContent()) ?? '').length).toBeLessThan(2000 * 5);
    expect(await mainGrid(page).boundingBox()).toEqual(clean);
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(scroll).toBe(720);
  });
});

/** A 4x4 record of `totalSteps` steps with a frame every episode, as an exported file holds it. */
function longRecord(totalSteps: number): Buffer {
  const record = {
    settings: {
      map: '4x4',
      isSlippery: true,
      successRate: 1 / 3,
      maxSteps: 100,
      seed: 3,
      episodes: 10_000,
      frameInterval: 1,
      params: { ...LESSON_PARAMS },
    },
    changes: [{ atStep: 5_000_000, params: { alpha: 0.05 } }],
    totalSteps,
  };
  return Buffer.from(JSON.stringify(record));
}

/**
 * Watches the page from now on: the highest "Replaying, N %" shown, and whether the watchdog's
 * "stopped answering" notice ever appeared (a MutationObserver, so a short replay is not missed).
 */
async function watchReplay(
  page: Page,
): Promise<() => Promise<{ percent: number; alarm: boolean }>> {
  await page.evaluate(() => {
    const seen = { percent: -1, alarm: false };
    (window as unknown as { replaySeen: typeof seen }).replaySeen = seen;
    const look = () => {
      const text = document.body.textContent ?? '';
      const m = /Replaying, (\d+) %/.exec(text);
      if (m) seen.percent = Math.max(seen.percent, Number(m[1]));
      if (text.includes('stopped answering')) seen.alarm = true;
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { replaySeen: { percent: number; alarm: boolean } }).replaySeen,
    );
}

async function importRecord(page: Page, totalSteps: number): Promise<void> {
  await openTab(page, 'Export and Import');
  await page.getByLabel('Run file (JSON, as exported)').setInputFiles({
    name: `long-${totalSteps}.json`,
    mimeType: 'application/json',
    buffer: longRecord(totalSteps),
  });
}

test('the 10^7-step 4x4 record with a frame every episode shows its progress, raises no alarm, and Cancel leaves the run before it as it was', async ({
  page,
}) => {
  await openLab(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await readStatus(page)).totalSteps).toBe(3);
  const seen = await watchReplay(page);
  await importRecord(page, 10_000_000);
  const progress = page.getByRole('status').filter({ hasText: /Replaying, \d+ %/ });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(
    page.getByText(/The import was cancelled at step [\d,]+ of 10,000,000/),
  ).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect((await readStatus(page)).totalSteps).toBe(3);
  expect((await seen()).alarm).toBe(false);
  // The run on screen goes on from where it was.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await readStatus(page)).totalSteps).toBe(4);
});

for (const totalSteps of [10_000_000, 100_000_000]) {
  test(`a ${totalSteps.toLocaleString('en-US')}-step 4x4 record with a frame every episode replays to its last step in under a minute, with progress shown and no alarm`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openLab(page);
    const seen = await watchReplay(page);
    const started = Date.now();
    await importRecord(page, totalSteps);
    await expect
      .poll(async () => (await readStatus(page)).totalSteps, { timeout: 60_000 })
      .toBe(totalSteps);
    const ms = Date.now() - started;
    console.log(`replay of ${totalSteps} steps: ${ms} ms`);
    expect(ms).toBeLessThan(60_000);
    const { percent, alarm } = await seen();
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(alarm).toBe(false);
    await expect(page.getByText(/Replaying, \d+ %/)).toHaveCount(0);
    // The watchdog pings every 2 s and alarms after 6 s of silence: past that, still no alarm.
    await page.waitForTimeout(7000);
    expect((await seen()).alarm).toBe(false);
  });
}
