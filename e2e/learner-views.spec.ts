import type { Page } from '@playwright/test';
import { expect, openLab, openTab, seriousViolations, test } from './fixtures';

const TAB = 'What the learner keeps';

/** Opens the lab learning with `algorithm` at the learner tab, and runs `episodes` episodes. */
async function trainWith(page: Page, algorithm: string, episodes: number): Promise<void> {
  await openLab(page, `?algorithm=${algorithm}&tab=learner`);
  await openTab(page, TAB);
  const button = page.getByRole('button', { name: 'Step episode' });
  for (let i = 0; i < episodes; i++) await button.click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    `Episode ${episodes}`,
  );
}

test('Double Q-learning: both tables, each with its bias against V*; axe finds nothing', async ({
  page,
}) => {
  await trainWith(page, 'double-q-learning', 5);
  const panel = page.getByRole('tabpanel', { name: TAB, exact: true });
  await expect(panel.getByText('The run learns with Double Q-learning.')).toBeVisible();
  for (const name of ['Q₁', 'Q₂']) {
    await expect(
      panel.getByRole('img', { name: new RegExp(`^${name}: state values`) }),
    ).toBeVisible();
    await expect(
      panel.getByText(
        new RegExp(`^${name}: bias [+−]?\\d\\.\\d{3} against V\\*, maximisation bias`),
      ),
    ).toBeVisible();
  }
  await expect(panel.getByText(/^Their mean, the Q the agent acts on: bias/)).toBeVisible();
  expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
});

test('SARSA(λ): the traces as a grid in the tab and as a layer on the board; keyboard path', async ({
  page,
}) => {
  await openLab(page, '?algorithm=sarsa-lambda&tab=learner&speed=20');
  await openTab(page, TAB);
  const panel = page.getByRole('tabpanel', { name: TAB, exact: true });
  await expect(panel.getByText('λ 0.90, replacing traces')).toBeVisible();
  const grid = panel.getByRole('grid', { name: 'Eligibility traces e(s, a)' });
  await expect(grid).toBeVisible();
  // One step: the pair just taken holds e = γλ = 0.89 after its decay, in the tab and on the board.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(panel.getByText(/^Σ e\(s, a\) = 0\.89 over 1 pairs/)).toBeVisible();
  await expect(page.locator('svg.qgrid path.qgrid-trace')).toHaveCount(1);
  // The legend names the layer.
  await expect(page.getByText('violet: traces e(s,a)', { exact: false })).toBeVisible();
  // Keyboard: from the tab (the strip sits under its panel), Shift+Tab reaches the traces grid's
  // one tab stop (the start cell), an arrow moves along the row, Enter picks the cell.
  await page.getByRole('tab', { name: TAB, exact: true }).focus();
  const start = grid.getByRole('gridcell', { name: /^state 0,/ });
  for (let i = 0; i < 10 && !(await start.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const next = grid.getByRole('gridcell', { name: /^state 1,/ });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(next).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByText(/Picked: state 1, e Left/)).toBeVisible();
  expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
});

test('Dyna-Q: the model’s pairs, a picked pair against the true P, planning counted apart', async ({
  page,
}) => {
  await trainWith(page, 'dyna-q', 5);
  const panel = page.getByRole('tabpanel', { name: TAB, exact: true });
  await expect(
    panel.getByText(/^Real steps [\d,]+; planning updates [\d,]+, counted apart/),
  ).toBeVisible();
  const grid = panel.getByRole('grid', { name: 'What the model has seen: N(s, a)' });
  await expect(grid).toBeVisible();
  // Keyboard: the start cell, then the action by the radio group's arrows.
  await grid.getByRole('gridcell', { name: /^state 0,/ }).focus();
  await page.keyboard.press('Enter');
  await panel.getByRole('radio', { name: 'Right' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('radio', { name: 'Down' })).toBeChecked();
  const table = panel.getByRole('table', { name: /^Model of \(state 0, Down\): taken \d+ times$/ });
  await expect(table).toBeVisible();
  // Down from the corner tries Left (stays at 0), Down (to 4), Right (to 1): a row each.
  await expect(table.getByRole('row')).toHaveCount(4);
  expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
});

test('Dyna-Q on a phone: the model table of a pair fits the panel, its last column in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await trainWith(page, 'dyna-q', 2);
  const panel = page.getByRole('tabpanel', { name: TAB, exact: true });
  const table = panel.getByRole('table', { name: /^Model of \(state 0, \w+\): taken \d+ times$/ });
  await table.scrollIntoViewIfNeeded();
  const trueReward = table.getByRole('columnheader', { name: 'true r' });
  await expect(trueReward).toBeInViewport({ ratio: 1 });
  // Nothing to scroll sideways: the table ends inside the panel.
  const tableBox = (await table.boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
});
