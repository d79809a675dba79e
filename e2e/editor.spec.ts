import type { Page } from '@playwright/test';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

const editor = (page: Page) => page.getByRole('region', { name: 'Map editor' });
const cell = (page: Page, row: number, col: number) =>
  editor(page).getByRole('gridcell', { name: new RegExp(`^row ${row}, column ${col}:`) });

test('make a 3x3 map by clicking, see why a walled-off goal cannot be trained, fix it, train on it', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Map editor and Drive');
  const panel = editor(page);
  await panel.getByRole('combobox', { name: 'Rows' }).selectOption('3');
  await panel.getByRole('combobox', { name: 'Columns' }).selectOption('3');
  await expect(panel.getByRole('gridcell')).toHaveCount(9);
  // The bottom right F → H → G, then wall it off with holes above and left of it.
  await cell(page, 3, 3).click();
  await cell(page, 3, 3).click();
  await cell(page, 2, 3).click();
  await cell(page, 3, 2).click();
  const train = panel.getByRole('button', { name: 'Train on this map' });
  const reason =
    'Cannot train on this map: No goal G can be reached from the start S at row 1, column 1 without crossing a hole H.';
  await expect(panel.getByText(reason)).toBeVisible();
  await expect(train).toBeDisabled();
  await expect(train).toHaveAccessibleDescription(reason);
  await expect(cell(page, 3, 3)).toHaveAccessibleName(
    'row 3, column 3: Goal, cut off from the start',
  );
  // The run on screen is still the lesson's 4x4.
  await expect(page.getByRole('grid', { name: /Ice Maze 4 by 4/ })).toBeVisible();

  // Fix it by painting the hole left of G back to frozen ice.
  await panel.getByRole('radio', { name: 'Frozen (F)' }).check();
  await cell(page, 3, 2).click();
  await expect(
    panel.getByText(/Ready to train: 3 by 3, 2 holes, time limit 100 steps/),
  ).toBeVisible();
  await expect(train).toBeEnabled();
  await train.click();

  const grid = page.getByRole('grid', { name: /Ice Maze 3 by 3/ });
  await expect(grid.locator('[data-state]')).toHaveCount(9);
  await expect(grid.locator('[data-tile="H"]')).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).searchParams.get('map')).toBe('SFF,FHH,FFG');
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Episode 0',
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await readStatus(page)).episode).toBeGreaterThan(0);
});

test('drag paints a row of holes; arrow keys and Enter edit without stepping the run', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Map editor and Drive');
  const panel = editor(page);
  await panel.getByRole('combobox', { name: 'Rows' }).selectOption('5');
  await panel.getByRole('combobox', { name: 'Columns' }).selectOption('5');
  await panel.getByRole('radio', { name: 'Hole (H)' }).check();
  // Panels below the fold are laid out when they come near the screen (content-visibility), so
  // the page can still move for a frame after a scroll: bring the row into view and let it settle.
  await cell(page, 5, 3).scrollIntoViewIfNeeded();
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const from = await cell(page, 5, 1).boundingBox();
  const to = await cell(page, 5, 3).boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 8 });
  await page.mouse.up();
  for (const col of [1, 2, 3]) await expect(cell(page, 5, col)).toHaveText('H');
  await expect(cell(page, 5, 4)).toHaveText('F');

  // Keyboard: from row 1, column 1, → → ↓ then Enter paints a hole at row 2, column 3.
  await cell(page, 1, 1).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 2, 3)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 3)).toHaveText('H');
  expect((await readStatus(page)).totalSteps).toBe(0);

  // 4x4's goal is still at row 4, column 4; a second one in the new corner is allowed too.
  await panel.getByRole('radio', { name: 'Goal (G)' }).check();
  await cell(page, 5, 5).click();
  await panel.getByRole('button', { name: 'Train on this map' }).click();
  await expect(
    page.getByRole('grid', { name: /Ice Maze 5 by 5/ }).locator('[data-state]'),
  ).toHaveCount(25);
});
