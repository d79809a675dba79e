import AxeBuilder from '@axe-core/playwright';
import { ALGORITHM_LABELS } from '../src/rl/algorithms/registry';
import { expect, openLab, test } from './fixtures';

test('four agents of issue 17’s algorithms, set up and started from the keyboard, train side by side', async ({
  page,
}) => {
  // The link opens the dock on the comparison.
  await openLab(page, '?tab=compare');
  const panel = page.getByRole('region', { name: 'Compare algorithms' });
  await expect(page.getByRole('tab', { name: 'Compare', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // Keyboard only: Enter on "Add an agent" twice, arrow keys in the menus, Enter on Start.
  const add = panel.getByRole('button', { name: 'Add an agent' });
  await add.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(add).toBeDisabled();
  const picks = [
    ['Left algorithm', 'double-q-learning'],
    ['Right algorithm', 'sarsa-lambda'],
    ['Third algorithm', 'dyna-q'],
    ['Fourth algorithm', 'monte-carlo'],
  ] as const;
  for (const [name, algorithm] of picks) {
    const menu = panel.getByRole('combobox', { name });
    await menu.focus();
    // Chromium's closed <select> moves its choice with the arrow keys.
    for (let i = 0; i < 10 && (await menu.inputValue()) !== algorithm; i++)
      await page.keyboard.press('ArrowDown');
    await expect(menu).toHaveValue(algorithm);
  }
  const speed = panel.getByRole('combobox', { name: 'Speed' });
  await speed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(speed).toHaveValue('max');
  await panel.getByRole('button', { name: 'Start comparison' }).focus();
  await page.keyboard.press('Enter');

  // The progress bar follows the slowest of the four agents.
  const progress = panel.getByRole('progressbar', { name: /Comparison progress/ });
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(200);
  const names = ['Left', 'Right', 'Third', 'Fourth'];
  for (const [i, [, algorithm]] of picks.entries()) {
    const card = panel.getByRole('img', {
      name: `${names[i]}: ${ALGORITHM_LABELS[algorithm]}: V(s) and greedy actions`,
    });
    await expect(card.locator('rect')).toHaveCount(16);
  }
  await panel.getByRole('button', { name: 'Stop comparison' }).click();
  await expect(panel.getByText('Paused', { exact: true })).toBeVisible();
  await expect(
    panel.getByRole('img', { name: /^Comparison curves\. Double Q-learning after/ }),
  ).toBeAttached();

  // What this adds passes axe: no serious or critical violation in the panel.
  const { violations } = await new AxeBuilder({ page }).include('.compare-panel').analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
