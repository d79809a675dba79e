import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openLab, openTab, test } from './fixtures';

const TAB = 'DP: dynamic programming';

/** V_k(s) as the grid's cell names write it ("state 14, V₃ 0.5159, greedy Down"), per state. */
async function valuesShown(panel: Locator): Promise<Map<number, string>> {
  const names = await panel
    .getByRole('gridcell')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
  const values = new Map<number, string>();
  for (const name of names) {
    const m = /^state (\d+),.* V\S* (−?[\d.]+),/.exec(name);
    if (m) values.set(Number(m[1]), m[2]!);
  }
  return values;
}

/** The tab's panel, opened, its code in. */
async function openDp(page: Page): Promise<Locator> {
  await openTab(page, TAB);
  const panel = page.getByRole('tabpanel', { name: TAB, exact: true });
  await expect(panel.getByRole('button', { name: 'Sweep', exact: true })).toBeVisible();
  return panel;
}

test('the tab loads its code when first opened; three sweeps, then a cell’s backup matches the V shown', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await openLab(page);
  expect(scripts.filter((u) => /DpPanel/.test(u))).toEqual([]);
  const panel = await openDp(page);
  expect(scripts.filter((u) => /DpPanel/.test(u))).toHaveLength(1);

  const sweep = panel.getByRole('button', { name: 'Sweep', exact: true });
  await sweep.click();
  await sweep.click();
  await expect(panel.getByRole('status')).toHaveText(/^Sweep 2: /);
  const before = await valuesShown(panel);
  await sweep.click();
  await expect(panel.getByRole('status')).toHaveText(/^Sweep 3: ‖V₃ − V₂‖∞ = /);

  const cell = panel.getByRole('gridcell', { name: /^state 14,/ });
  await cell.click();
  await expect(cell).toHaveAttribute('aria-selected', 'true');
  const shown = (await valuesShown(panel)).get(14)!;
  const table = panel.getByRole('table', { name: 'Backup of state 14 from V₂, γ 0.99' });
  await expect(table).toBeVisible();
  // The row V₃(14) took is the max, and its sum is the value on the grid.
  const maxRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /\(max\)$/ }) });
  await expect(maxRow.getByRole('cell').last()).toHaveText(shown);
  await expect(panel.getByText(`V₃(14) = max over actions = ${shown}`)).toBeVisible();
  // Every term bootstraps from V₂(s′) as the grid showed it before the third sweep.
  const terms = await table.locator('.dp-backup-terms span').allTextContents();
  expect(terms).toHaveLength(12);
  for (const term of terms) {
    const m =
      /(\d+): ([\d.]+) × \((−?[\d.]+)(?: \+ 0\.99 × (−?[\d.]+)\)|, ends\)| \+ 0, ends\))/.exec(
        term,
      );
    expect(m, term).not.toBeNull();
    if (m![4] !== undefined) expect(m![4], term).toBe(before.get(Number(m![1])));
  }
  // And the sums add up: Σ p·(r + 0.99·V₂(s′)) of the max row, from the numbers shown, to 1e-3.
  const maxTerms = await maxRow.locator('.dp-backup-terms span').allTextContents();
  const sum = maxTerms.reduce((x, term) => {
    const m = /: ([\d.]+) × \(([\d.−]+)(?: \+ 0\.99 × ([\d.]+))?/.exec(term)!;
    return x + Number(m[1]) * (Number(m[2]!.replace('−', '-')) + 0.99 * Number(m[3] ?? 0));
  }, 0);
  expect(Math.abs(sum - Number(shown))).toBeLessThan(1e-3);
});

test('the keyboard path: Sweep with Enter, then the grid with the arrow keys, Enter selects', async ({
  page,
}) => {
  await openLab(page);
  const panel = await openDp(page);
  await panel.getByRole('radio', { name: 'Value iteration' }).focus();
  // The method, then the tolerance, then Sweep.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: 'Tolerance' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Sweep', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText(/^Sweep 2: /);
  // Play sweeps, Reset, then the grid's one tab stop (the start).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('gridcell', { name: /^state 0,/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const cell = panel.getByRole('gridcell', { name: /^state 9,/ });
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAttribute('aria-selected', 'true');
  await expect(
    panel.getByRole('table', { name: 'Backup of state 9 from V₁, γ 0.99' }),
  ).toBeVisible();
  // Policy iteration by keyboard: the radio, then (past the tolerance) Sweep and Improve policy.
  await panel.getByRole('radio', { name: 'Value iteration' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('radio', { name: 'Policy iteration' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Improve policy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText(/^Improvement 1 changed 1 state \(14\)/);
});

test('axe: no serious or critical violation in the open tab, light and dark, at 1280x720 and 390x844', async ({
  page,
}) => {
  for (const [width, height, theme] of [
    [1280, 720, 'light'],
    [390, 844, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openLab(page, `?theme=${theme}`);
    const panel = await openDp(page);
    await panel.getByRole('button', { name: 'Sweep', exact: true }).click();
    await panel.getByRole('gridcell', { name: /^state 14,/ }).click();
    const { violations } = await new AxeBuilder({ page }).include('.dp-panel').analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `${theme} ${width}x${height}`).toEqual([]);
  }
});
