/**
 * The Seeds tab in Chromium (issue 21): a band of 8 seeds drawn by the page's worker pool has the
 * medians the core computes in Node; an episode with a slip, scrubbed with the keyboard, shows the
 * TD error a Node replay of the run record gives; axe finds nothing serious in the tab.
 */
import AxeBuilder from '@axe-core/playwright';
import { describeStep } from '../src/components/dock/seeds/EpisodeScrubber';
import { replayEpisode } from '../src/rl/episode-replay';
import { createEnv } from '../src/rl/env';
import { LESSON_PARAMS } from '../src/rl/params';
import { seedBand } from '../src/rl/seed-band';
import { bandCheckpoints, seedCurve } from '../src/rl/seed-curve';
import { lessonSettings } from '../src/shared/lesson-run';
import { formatFixed } from '../src/viz/format';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

test('a band of 8 seeds; an episode with a slip scrubbed by keyboard; axe', async ({ page }) => {
  test.setTimeout(180_000);
  await openLab(page, '?seeds=8');
  await openTab(page, 'Seeds');
  const band = page.getByRole('region', { name: 'Seed band' });
  await expect(band.getByRole('textbox', { name: 'Seeds in the band' })).toHaveValue('8');
  await band.getByRole('textbox', { name: 'Episodes per seed' }).fill('2000');
  // The keyboard path: Tab from the last field to Draw band, Enter.
  await band.getByRole('textbox', { name: 'Episodes per seed' }).focus();
  await page.keyboard.press('Tab');
  await expect(band.getByRole('button', { name: 'Draw band' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(band.getByText('8 of 8 seeds, done.')).toBeVisible({ timeout: 120_000 });

  // The same band in Node: seeds 0–7 (the lab's seed 0 and the 7 after it).
  const env = createEnv({ map: lessonSettings('4x4').map, isSlippery: true });
  const checkpoints = bandCheckpoints(2000);
  const curves = [0, 1, 2, 3, 4, 5, 6, 7].map((s) =>
    seedCurve(env, { ...LESSON_PARAMS }, s, checkpoints),
  );
  const node = seedBand(curves);
  const table = band.getByRole('table', { name: /over 8 seeds, and the lab's run \(seed 0\)/ });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(checkpoints.length + 1);
  for (const [i, p] of node.series.exactSuccess.entries()) {
    const f = (x: number) => formatFixed(x, 3);
    const lab = curves[0]!.exactSuccess[i]!;
    await expect(
      rows
        .nth(i + 1)
        .getByRole('cell')
        .nth(1),
    ).toHaveText(`${f(p.median)} (${f(p.q1)}–${f(p.q3)}); lab ${f(lab)}`);
  }
  const chart = band.getByRole('img', { name: /^Exact success over episodes/ });
  await chart.focus();
  await page.keyboard.press('End');
  await expect(band.getByTestId('seed-band-readout')).toContainText(
    `Episode 2,000 (8 seeds): Success rate: median`,
  );

  // Train a little, then scrub an episode in which the ice slipped.
  for (let i = 0; i < 20; i++)
    await page.getByRole('button', { name: 'Step episode' }).first().click();
  await expect.poll(async () => (await readStatus(page)).episode).toBe(20);
  const { totalSteps } = await readStatus(page);
  const record = { settings: lessonSettings('4x4'), changes: [], totalSteps };
  let found: { episode: number; k: number } | null = null;
  for (let e = 19; e >= 0 && !found; e--) {
    const r = replayEpisode(record, e);
    if (!r.ok) throw new Error(r.error);
    const k = r.replay.steps.findIndex((s) => s.slipped);
    if (k > 0) found = { episode: e, k };
  }
  if (!found) throw new Error('no slip in 20 episodes');
  const scrubber = page.getByRole('region', { name: 'Episode scrubber' });
  const field = scrubber.getByRole('textbox', { name: 'Episode' });
  await field.fill(String(found.episode));
  await field.press('Enter');
  const group = scrubber.getByRole('group', {
    name: new RegExp(`^Episode ${found.episode}, step 1 of`),
  });
  await group.focus();
  for (let i = 0; i < found.k; i++) await page.keyboard.press('ArrowRight');
  const replay = replayEpisode(record, found.episode);
  if (!replay.ok) throw new Error(replay.error);
  const step = replay.replay.steps[found.k]!;
  const text = scrubber.getByTestId('scrubber-step');
  await expect(text).toContainText('slipped');
  await expect(text).toContainText(`step ${found.k + 1} of ${replay.replay.steps.length}`);
  await expect(text).toContainText(describeStep(step));
  // The arrow keys moved the scrubber, not the run.
  expect((await readStatus(page)).totalSteps).toBe(totalSteps);

  const { violations } = await new AxeBuilder({ page }).include('[role="tabpanel"]').analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});

test('a band of the lab’s SARSA: every seed learns with it, and the table says so', async ({
  page,
}) => {
  await openLab(page, '?algorithm=sarsa&seed=4&seeds=3&tab=seeds');
  await openTab(page, 'Seeds');
  const band = page.getByRole('region', { name: 'Seed band' });
  await band.getByRole('textbox', { name: 'Episodes per seed' }).fill('500');
  await band.getByRole('button', { name: 'Draw band' }).click();
  await expect(band.getByRole('status')).toHaveText('3 of 3 seeds, done.', { timeout: 30_000 });
  await expect(
    band.getByRole('table', { name: /over 3 seeds, .*; every seed learns with sarsa$/ }),
  ).toBeVisible();
});
