/**
 * Issue 22, as a careless or hostile user would meet it: a link of junk, a long replay.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openLab, test } from './fixtures';

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
