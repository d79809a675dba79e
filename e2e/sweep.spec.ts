/**
 * Sweeps in Chromium: the page's pool of Web Workers gives the same medians as the core run in
 * Node for the same settings and seeds; a 64-agent sweep finishes; a heatmap cell loads its
 * setting into the lab. And on 8x8 with the lesson's settings, the "why it fails" panel.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator } from '@playwright/test';
import { LESSON_PARAMS } from '../src/rl/params';
import { MAPS } from '../src/rl/maps';
import { expandSweep, runSweepJob, sweepEnv } from '../src/rl/sweep';
import { summarizeSweep } from '../src/rl/sweep-summary';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

/** Types into a labelled text field of the panel, replacing what was there. */
async function fill(panel: Locator, name: string, value: string): Promise<void> {
  await panel.getByRole('textbox', { name }).fill(value);
}

test('a small sweep in the page gives the medians the core computes in Node', async ({ page }) => {
  await openLab(page);
  await openTab(page, 'Sweep');
  const panel = page.getByRole('region', { name: 'Sweep', exact: true });
  await fill(panel, 'Values across', '0.1, 0.5');
  await fill(panel, 'Values down', '0.9, 0.99');
  await fill(panel, 'Seeds', '0-2');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel.getByText(/^12 of 12 agents, done in/)).toBeVisible({ timeout: 60_000 });

  const plan = expandSweep({
    env: { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
    base: { ...LESSON_PARAMS },
    values: {
      alpha: [0.1, 0.5],
      gamma: [0.9, 0.99],
      epsilonDecay: [LESSON_PARAMS.epsilonDecay],
      episodes: [10_000],
      tieBreak: ['first'],
    },
    seeds: [0, 1, 2],
  });
  const env = sweepEnv(plan.spec.env);
  const node = summarizeSweep(
    plan,
    plan.jobs.map((j) => runSweepJob(env, j)),
  );
  const table = panel.getByRole('table', { name: /Exact success of the greedy policy/ });
  for (const s of node) {
    const label = `α ${s.setting.alpha}, γ ${s.setting.gamma}`;
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label }) });
    await expect(row.getByRole('cell').first()).toHaveText(s.median.toFixed(4));
    await expect(row.getByRole('cell').nth(2)).toHaveText(
      `${s.min.toFixed(4)}–${s.max.toFixed(4)}`,
    );
  }

  // A click on a heatmap cell starts that setting in the lab.
  await panel.getByRole('button', { name: /^α 0\.5, γ 0\.9: median success/ }).click();
  await expect(panel.getByText(/^Loaded α 0\.5, γ 0\.9 into the lab/)).toBeVisible();
  await expect(page.getByRole('slider', { name: /Learning rate/ })).toHaveValue('0.5');
  expect((await readStatus(page)).totalSteps).toBe(0);
});

test('the default sweep trains 64 agents in the page, and Cancel stops one at once', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Sweep');
  const panel = page.getByRole('region', { name: 'Sweep', exact: true });
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(panel.getByText(/^64 of 64 agents, done in/)).toBeVisible({ timeout: 60_000 });
  await expect(
    panel.getByRole('button', { name: /median success .* over 4 of 4 seeds/ }),
  ).toHaveCount(16);

  await fill(panel, 'Seeds', '0-99');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByText(/of 1600 agents, cancelled\./)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
});

test('on 8x8 with the lesson’s settings, the lab shows why it fails and loads what works', async ({
  page,
}) => {
  await openLab(page, '?map=8x8&speed=max');
  await openTab(page, 'Optimal values');
  const why = page.getByRole('region', { name: "Why the lesson's settings fail on 8x8" });
  await expect(why).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    why.getByText(/^ε reached its floor of 0\.01 in episode [\d,]+, after 9,901 steps/),
  ).toBeVisible();
  await expect(
    why.getByText(/^53 of 53 states the agent can stand on still have Q = 0/),
  ).toBeVisible();
  await expect(why.getByText(/within the time limit: 0\.0%, after 10,000 episodes/)).toBeVisible();
  await why.getByRole('button', { name: 'Load the 8x8 preset that works' }).click();
  await expect(why).toHaveCount(0);
  expect((await readStatus(page)).totalSteps).toBe(0);
});

test('the single-file build (file://, blob: workers) runs a sweep too', async ({ page }) => {
  test.setTimeout(120_000);
  const root = resolve(import.meta.dirname, '..');
  execFileSync('npm', ['run', 'build:single'], { cwd: root, stdio: 'pipe', timeout: 100_000 });
  await page.goto(pathToFileURL(join(root, 'dist-single', 'ice-maze-lab.html')).href);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await openTab(page, 'Sweep');
  const panel = page.getByRole('region', { name: 'Sweep', exact: true });
  await fill(panel, 'Seeds', '0');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel.getByText(/^16 of 16 agents, done in/)).toBeVisible({ timeout: 60_000 });
});
