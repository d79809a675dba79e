import type { Locator, Page } from '@playwright/test';
import { expect, openLab, readStatus, test } from './fixtures';

/** The main grid, whichever role its host gives it (an image today, an ARIA grid next). */
function mainGrid(page: Page): Locator {
  return page
    .getByRole('img', { name: /^Ice Maze \d+ by \d+/ })
    .or(page.getByRole('grid', { name: /^Ice Maze \d+ by \d+/ }))
    .first();
}

/** Fails unless the element's box lies wholly inside the viewport as it is (no scrolling). */
async function expectInViewport(page: Page, what: string, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  const { x, y, width: w, height: h } = box!;
  expect(
    { what, left: x >= 0, top: y >= 0, right: x + w <= width + 0.5, bottom: y + h <= height + 0.5 },
    `${what} at (${x}, ${y}) size ${w}x${h} in ${width}x${height}`,
  ).toEqual({ what, left: true, top: true, right: true, bottom: true });
}

const RUN_BUTTONS = ['Play', 'Step', 'Step episode', 'Reset'] as const;
const SLIDERS = ['Learning rate α', 'Discount γ', 'Exploration ε', 'ε decay'] as const;

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`at ${width}x${height}, after one Step, the grid, the run buttons, the sliders, the TD target and error and the exact success are on screen, and the page does not scroll`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openLab(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await readStatus(page)).totalSteps).toBe(1);

    await expectInViewport(page, 'the grid', mainGrid(page));
    for (const name of RUN_BUTTONS)
      await expectInViewport(page, name, page.getByRole('button', { name, exact: true }));
    for (const name of SLIDERS)
      await expectInViewport(page, name, page.getByRole('slider', { name, exact: true }));
    for (const fact of ['td-target', 'td-error', 'greedy-success'])
      await expectInViewport(page, fact, page.locator(`[data-fact="${fact}"]`).first());
    const scroll = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
    }));
    expect(scroll).toEqual({ height, width });
  });
}

test('at 1280x720, after the lesson’s whole run, the three objective cards, the convergence badge and nothing else empty fit their columns', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page, '?speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible({
    timeout: 60_000,
  });
  const cards = page.getByRole('region', { name: 'Objectives' }).getByRole('listitem');
  await expect(cards).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expectInViewport(page, `objective card ${i + 1}`, cards.nth(i));
  const column = await page.getByRole('group', { name: 'The objectives' }).boundingBox();
  const last = await cards.nth(2).boundingBox();
  expect(last!.y + last!.height).toBeLessThanOrEqual(column!.y + column!.height);
  // The badge says the verdict in words that fit its one line (the whole notice on focus).
  const badge = page.locator('.convergence-headline');
  await expect(badge).toHaveText(
    /^(Settled since episode [\d,]+: |Still changing at episode [\d,]+)/,
  );
  expect(await badge.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  // With no dock tab open, nothing is drawn under the maze column (no empty panel bar).
  await expect(page.locator('.dock-panels')).toBeHidden();
});

test('at 1280x720 a dock tab opens beside the grid: the grid and the run buttons stay on screen, the tab is in the link', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page);
  await page.getByRole('tab', { name: 'Q and A tables' }).click();
  await expect(page.getByRole('tab', { name: 'Q and A tables' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const panel = page.getByRole('tabpanel', { name: 'Q and A tables' });
  await expect(panel).toBeVisible();
  // Every state's row is there, and no box inside the panel hides the last ones (14 and 15).
  await expect(panel.getByRole('rowheader', { name: /^15\b/ })).toHaveCount(2);
  const clipped = await panel.evaluate((el) =>
    [...el.querySelectorAll('table')].some((table) => {
      for (let p = table.parentElement; p && p !== el; p = p.parentElement)
        if (p.scrollHeight > p.clientHeight + 1) return true;
      return false;
    }),
  );
  expect(clipped).toBe(false);
  await expectInViewport(page, 'the grid', mainGrid(page));
  for (const name of RUN_BUTTONS)
    await expectInViewport(page, name, page.getByRole('button', { name, exact: true }));
  await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('tables');
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(720);
  // Pressed again, the open tab closes the dock.
  await page.getByRole('tab', { name: 'Q and A tables' }).click();
  await expect(panel).toBeHidden();
  await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBeNull();
});

test('a link with tab=glossary opens the glossary; a malformed tab is named and changes nothing else', async ({
  page,
}) => {
  await openLab(page, '?tab=glossary');
  await expect(page.getByRole('tabpanel', { name: 'Glossary' })).toBeVisible();
  await openLab(page, '?tab=nope&seed=3');
  await expect(page.getByRole('alert').filter({ hasText: 'tab=' })).toContainText(
    'The link\'s tab="nope" was ignored',
  );
  await expect(page.getByRole('tabpanel')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).search).toBe('?seed=3');
});

for (const [width, height] of [
  [768, 1024],
  [390, 844],
] as const) {
  test.describe(`at ${width}x${height} with touch`, () => {
    test.use({ viewport: { width, height }, hasTouch: true, isMobile: true });

    test('one column, no sideways scroll, the grid fits the width, one of each run button, a tap on Step takes exactly one step', async ({
      page,
    }) => {
      await openLab(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const grid = (await mainGrid(page).boundingBox())!;
      expect(grid.x).toBeGreaterThanOrEqual(0);
      expect(grid.x + grid.width).toBeLessThanOrEqual(width);
      // Exactly one of each named button is visible, and the run buttons are on screen.
      for (const name of RUN_BUTTONS) {
        await expect(page.getByRole('button', { name, exact: true })).toHaveCount(1);
        await expectInViewport(page, name, page.getByRole('button', { name, exact: true }));
      }
      await page.getByRole('button', { name: 'Step', exact: true }).tap();
      await expect.poll(async () => (await readStatus(page)).totalSteps).toBe(1);
      await page.waitForTimeout(500);
      expect((await readStatus(page)).totalSteps).toBe(1);
    });

    test('the switch under the grid shows the update, the objectives or the curves', async ({
      page,
    }) => {
      await openLab(page);
      const show = page.getByRole('group', { name: 'Show under the grid' });
      await expect(page.getByRole('region', { name: 'Step inspector' })).toBeVisible();
      await show.getByRole('button', { name: 'Objectives' }).tap();
      await expect(page.locator('[data-fact="greedy-success"]').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Step inspector' })).toBeHidden();
      await show.getByRole('button', { name: 'Curves' }).tap();
      await expect(page.getByRole('tabpanel', { name: 'Curves' })).toBeVisible();
      await expect(show.getByRole('button', { name: 'Curves' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await show.getByRole('button', { name: 'Update' }).tap();
      await expect(page.getByRole('region', { name: 'Step inspector' })).toBeVisible();
      await expect(page.getByRole('tabpanel', { name: 'Curves' })).toBeHidden();
    });
  });
}
