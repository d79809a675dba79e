import { expect, openLab, readStatus, test } from './fixtures';

test('Step moves the total-step count by exactly one', async ({ page }) => {
  await openLab(page);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 1; i <= 3; i++) {
    await step.click();
    await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
      `Total steps ${i}`,
    );
  }
  expect((await readStatus(page)).episode).toBeLessThanOrEqual(3);
});

test('Play raises the episode count, Pause stops it', async ({ page }) => {
  await openLab(page);
  // 10,000 steps per second: a few hundred episodes a second, slow enough to pause mid-run.
  await page.getByRole('slider', { name: 'Speed' }).fill('8');
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute(
    'aria-valuetext',
    '10,000 steps per second',
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => (await readStatus(page)).episode).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText('Paused');
  const paused = await readStatus(page);
  await page.waitForTimeout(500);
  expect(await readStatus(page)).toEqual(paused);
});

test('a slider moved by keyboard changes the value the worker uses', async ({ page }) => {
  await openLab(page);
  const alpha = page.getByRole('slider', { name: 'Learning rate α' });
  await alpha.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(alpha).toHaveAttribute('aria-valuetext', '0.12');
  await expect(page.getByRole('spinbutton', { name: 'Learning rate α, exact value' })).toHaveValue(
    '0.12',
  );
  // The worker reports the α of each update it makes: step and read it back.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Step inspector' })).toContainText('(α = 0.12)');
});

test('a full run of 10,000 episodes ends with the optimal policy in most states', async ({
  page,
}) => {
  await openLab(page);
  const grid = page.getByRole('grid', { name: /Ice Maze/ });
  // At the start every action ties: four thin arrows on each of the 11 non-terminal cells.
  await expect(grid.locator('[data-greedy="tie"]')).toHaveCount(44);
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Finished',
    { timeout: 30_000 },
  );
  expect((await readStatus(page)).episode).toBe(10_000);
  // The optimal actions of the γ = 0.99 optimum (tests/fixtures/optimal-4x4-slippery.json).
  const optimal: Record<number, number[]> = {
    0: [0],
    1: [3],
    2: [3],
    3: [3],
    4: [0],
    6: [0, 2],
    8: [3],
    9: [1],
    10: [0],
    13: [2],
    14: [1],
  };
  let agree = 0;
  for (const [state, actions] of Object.entries(optimal)) {
    const best = grid.locator(`[data-overlay-state="${state}"] [data-greedy="best"]`);
    if ((await best.count()) !== 1) continue;
    if (actions.includes(Number(await best.getAttribute('data-action')))) agree++;
  }
  expect(agree).toBeGreaterThanOrEqual(8);
  await expect(grid.locator('[data-state="0"] title')).toHaveText(/V = 0\.[1-9]/);
});
