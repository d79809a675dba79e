import { expect, openDisclosure, openLab, openTab, readStatus, test } from './fixtures';

const status = (page: import('@playwright/test').Page) =>
  page.getByRole('status').filter({ hasText: 'Total steps' });

test('keyboard shortcuts drive step, view, play and pause, and stay out of fields', async ({
  page,
}) => {
  await openLab(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(status(page)).toContainText('Total steps 1');
  await page.keyboard.press('s');
  await expect(status(page)).toContainText('Total steps 2');
  await page.keyboard.press('2');
  await expect(page.getByRole('radio', { name: 'Q(s,a)' })).toBeChecked();
  await page.keyboard.press('3');
  await expect(page.getByRole('radio', { name: 'A(s,a)' })).toBeChecked();
  // Typing in a field never triggers a shortcut.
  const field = page.getByRole('spinbutton', { name: 'Learning rate α, exact value' });
  await field.click();
  await page.keyboard.press('s');
  await expect(status(page)).toContainText('Total steps 2');
  await field.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('r');
  await expect(status(page)).toContainText('Total steps 0');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('presenter mode at 1280x720 shows the grid and the controls without scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const inView = async (name: string | RegExp, role: 'button' | 'grid' | 'slider') => {
    const box = (await page.getByRole(role, { name }).first().boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  };
  await inView(/^Ice Maze 4 by 4/, 'grid');
  for (const b of ['Play', 'Step', 'Step episode', 'Reset']) await inView(b, 'button');
  for (const s of ['Speed', 'Learning rate α', 'Discount γ', 'Exploration ε'])
    await inView(s, 'slider');
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
  // Issue 15: presenter mode keeps the three columns, the step inspector with them.
  await expect(page.getByRole('region', { name: 'Step inspector' })).toBeVisible();
});

test('the dark theme and the colour-blind palette apply at once', async ({ page }) => {
  await openLab(page);
  await openDisclosure(page, 'Menu');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(15, 23, 32)');
  const cell = page
    .getByRole('grid', { name: /^Ice Maze 4 by 4/ })
    .locator('[data-state="0"] .qgrid-value-fill');
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 30; i++) await page.keyboard.press('e');
  await expect.poll(async () => (await readStatus(page)).episode).toBe(30);
  const before = await cell.getAttribute('fill');
  await openDisclosure(page, 'Menu');
  await page.getByRole('checkbox', { name: 'Colour-blind-safe palette' }).check();
  await expect.poll(() => cell.getAttribute('fill')).not.toBe(before);
});

test('the success curve rises after a run', async ({ page }) => {
  await openLab(page);
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status(page)).toContainText('Finished', { timeout: 30_000 });
  await openTab(page, 'Curves');
  const chart = page.getByRole('img', { name: /^Learning curves after 10,000 episodes/ });
  await expect(chart).toBeVisible();
  const label = (await chart.getAttribute('aria-label')) ?? '';
  // From 0 (every early episode falls in a hole) to most of the optimum by the end.
  const rate = Number(/success rate ([\d.]+) over the last 100/.exec(label)?.[1]);
  const greedy = Number(/greedy policy success probability ([\d.]+)/.exec(label)?.[1]);
  expect(rate).toBeGreaterThan(0.4);
  expect(greedy).toBeGreaterThan(0.5);
});
