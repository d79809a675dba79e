import type { Page } from '@playwright/test';
import { createEnv } from '../src/rl/env';
import { valueIteration } from '../src/rl/evaluation';
import { MAPS } from '../src/rl/maps';
import { LESSON_PARAMS } from '../src/rl/params';
import { expect, openLab, openTab, test } from './fixtures';

/** The two agents' episode counts in the comparison's progress line. */
async function counts(page: Page): Promise<number[]> {
  const texts = await page.locator('.compare-count').allTextContents();
  return texts.map((t) => Number((/([\d,]+)/.exec(t)?.[1] ?? 'NaN').replace(/,/g, '')));
}

test('a comparison trains two agents side by side, draws both grids, and pauses', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Compare');
  const panel = page.getByRole('region', { name: 'Compare algorithms' });
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('combobox', { name: 'Right algorithm' }).selectOption('expected-sarsa');
  await panel.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await panel.getByRole('button', { name: 'Start comparison' }).click();

  await expect
    .poll(async () => Math.min(...(await counts(page))), { timeout: 15_000 })
    .toBeGreaterThan(20);
  const left = panel.getByRole('img', { name: 'Left: Q-learning: V(s) and greedy actions' });
  const right = panel.getByRole('img', { name: 'Right: Expected SARSA: V(s) and greedy actions' });
  await expect(left.locator('rect')).toHaveCount(16);
  await expect(right.locator('rect')).toHaveCount(16);
  // The shared curves sit below the cards: scroll the dock's panel to them, as a reader would.
  await panel.getByRole('img', { name: /^Comparison curves/ }).scrollIntoViewIfNeeded();
  await expect(
    panel.getByRole('img', { name: /^Comparison curves\. Q-learning after/ }),
  ).toBeVisible();

  // Both keep rising while it trains.
  const first = await counts(page);
  await expect.poll(async () => (await counts(page))[1]!).toBeGreaterThan(first[1]!);
  expect((await counts(page))[0]).toBeGreaterThan(first[0]!);

  await panel.getByRole('button', { name: 'Stop comparison' }).click();
  await expect(panel.getByText('Paused', { exact: true })).toBeVisible();
  const paused = await counts(page);
  await page.waitForTimeout(600);
  expect(await counts(page)).toEqual(paused);
  // The main lab did not move.
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Total steps 0',
  );
});

test('the optimal panel shows V*(start) from value iteration and the max gap falls', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Optimal values');
  const vStar = valueIteration(createEnv({ map: [...MAPS['4x4']] }), LESSON_PARAMS.gamma).v[0]!;
  const panel = page.getByRole('region', { name: 'Optimal values' });
  const vStart = panel.locator('[data-key="v-star-start"] dd');
  await expect(vStart).toHaveText(/^\d\.\d{4} /);
  const shown = Number((await vStart.textContent())!.split(' ')[0]);
  expect(Math.abs(shown - vStar)).toBeLessThanOrEqual(5e-5);
  await expect(panel.getByRole('img', { name: 'Gap between Q and Q* per cell' })).toBeVisible();

  const gap = panel.locator('[data-key="max-gap"] dd');
  const before = Number(await gap.getAttribute('data-value'));
  expect(before).toBeGreaterThan(0);
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('status').filter({ hasText: 'Finished' }).waitFor({ timeout: 45_000 });
  await expect
    .poll(async () => Number(await gap.getAttribute('data-value')))
    .toBeLessThan(before / 2);
});
