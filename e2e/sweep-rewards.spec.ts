/**
 * A sweep over reward schedules and success rates in Chromium (issue 19): two schedules down, two
 * rates across, chosen partly by keyboard; the page's medians and exact returns equal the core's in
 * Node, each job on its own setting's environment; the rows and columns are labelled readably; a
 * cell loads its rewards and ice into the lab by keyboard; axe finds nothing serious in the panel.
 */
import AxeBuilder from '@axe-core/playwright';
import { sweepRequest, type SweepRequest } from '../scripts/sweep-cli';
import { runSweepJob } from '../src/rl/sweep';
import { createEnvCache, jobEnvSpec } from '../src/rl/sweep-env';
import { summarizeSweep } from '../src/rl/sweep-summary';
import { expect, openLab, openTab, test } from './fixtures';

test('two schedules × two success rates: the core’s numbers, labelled rows and columns, keyboard, axe', async ({
  page,
}) => {
  await openLab(page);
  await openTab(page, 'Sweep');
  const panel = page.getByRole('region', { name: 'Sweep', exact: true });
  await panel.getByRole('combobox', { name: 'Across' }).selectOption('successRate');
  await panel.getByRole('textbox', { name: 'Values across' }).fill('0.6, 1');
  await panel.getByRole('combobox', { name: 'Down' }).selectOption('rewardSchedule');
  const schedules = panel.getByRole('group', { name: 'Values down' });
  await expect(schedules.getByRole('checkbox')).toHaveCount(3);
  // The keyboard path: Space unticks "Holes hurt"; Tab from the last field reaches Run sweep.
  await schedules.getByRole('checkbox', { name: /^Holes hurt/ }).focus();
  await page.keyboard.press('Space');
  await expect(schedules.getByRole('checkbox', { name: /^Holes hurt/ })).not.toBeChecked();
  await panel.getByRole('textbox', { name: 'Seeds' }).fill('0-1');
  await panel.getByRole('textbox', { name: 'Episodes per agent' }).fill('2000');
  await panel.getByRole('textbox', { name: 'Episodes per agent' }).focus();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Run sweep' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByText(/^8 of 8 agents, done in/)).toBeVisible({ timeout: 60_000 });

  // Two labelled rows (the schedules) and two labelled columns (the rates).
  await expect(panel.locator('.sweep-heatmap-yticks text')).toHaveText([
    'Gymnasium’s 1, 0, 0',
    'step cost −0.01',
  ]);
  await expect(panel.locator('.sweep-heatmap-xticks text')).toHaveText(['0.6', '1']);

  // The same sweep as the command line reads it, run in Node, each job on its setting's
  // environment.
  const { plan } = sweepRequest([
    '--reward-schedule',
    '1,0,0;1,0,-0.01',
    '--success-rate',
    '0.6,1',
    '--episodes',
    '2000',
    '--seeds',
    '0-1',
  ]) as SweepRequest;
  const envOf = createEnvCache();
  const node = summarizeSweep(
    plan,
    plan.jobs.map((j) => runSweepJob(envOf(jobEnvSpec(plan, j)), j)),
  );
  const table = panel.getByRole('table', { name: /and its exact return/ });
  const labels = [
    'success 0.6, Gymnasium’s 1, 0, 0',
    'success 1, Gymnasium’s 1, 0, 0',
    'success 0.6, step cost −0.01',
    'success 1, step cost −0.01',
  ];
  for (const [i, s] of node.entries()) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: labels[i], exact: true }) });
    await expect(row.getByRole('cell').first()).toHaveText(s.median.toFixed(4));
    await expect(row.getByRole('cell').nth(3)).toHaveText(
      new RegExp(`^[-−]?${Math.abs(s.medianReturn).toFixed(4)}$`),
    );
  }

  // A cell chosen by keyboard loads its rewards and ice into the lab.
  await panel.getByRole('button', { name: /^success 1, step cost −0\.01: median success/ }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByText(/^Loaded success 1, step cost −0\.01 into the lab/)).toBeVisible();
  await expect(page).toHaveURL(/rewards=1%2C0%2C-0\.01|rewards=1,0,-0\.01/);

  const { violations } = await new AxeBuilder({ page }).include('section.sweep').analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
