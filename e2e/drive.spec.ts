import type { Page } from '@playwright/test';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

const panel = (page: Page) => page.getByRole('region', { name: 'Drive it yourself' });
/** A number of the update table as displayed (3 decimals), and exactly (`data-value`). */
async function shown(page: Page, label: RegExp): Promise<{ text: number; exact: number }> {
  const td = panel(page).getByRole('row', { name: label }).locator('td');
  return {
    text: Number(((await td.textContent()) ?? '').replace('−', '-')),
    exact: Number(await td.getAttribute('data-value')),
  };
}

test('arrow keys drive the agent: step counter, intended and actual move, the TD update', async ({
  page,
}) => {
  // Train the lesson's run first, so Q (and the update) is not all zeros.
  await openLab(page, '?speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Finished',
    { timeout: 60_000 },
  );
  const before = await readStatus(page);

  await openTab(page, 'Map editor and Drive');
  const drive = panel(page);
  const counter = drive.getByRole('status');
  await expect(counter).toContainText('Steps driven 0, at state 0');
  await drive.getByRole('group', { name: 'Drive with the arrow keys' }).click();
  // Seed 0: Up, Up, Right stay on the top row (no hole can be reached from it this way).
  await page.keyboard.press('ArrowUp');
  await expect(counter).toContainText('Steps driven 1,');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toContainText('Steps driven 3,');
  await expect(drive.getByText(/^Intended Right, actual (Left|Down|Right|Up)/)).toBeVisible();

  const qBefore = await shown(page, /^Q\(s,a\) before/);
  const target = await shown(page, /^TD target/);
  const error = await shown(page, /^TD error/);
  expect(qBefore.exact).not.toBe(0);
  // Exactly, and as displayed (each rounded to 3 decimals, so within one rounding step).
  expect(error.exact).toBe(target.exact - qBefore.exact);
  expect(Math.abs(error.text - (target.text - qBefore.text))).toBeLessThanOrEqual(0.0011);

  // The arrows moved the drive, not the run: → did not step the trained agent.
  expect(await readStatus(page)).toEqual(before);

  await drive.getByRole('button', { name: 'Reset drive' }).click();
  await expect(counter).toContainText('Steps driven 0, at state 0');
});
