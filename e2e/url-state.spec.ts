import { expect, openDisclosure, openLab, readStatus, test } from './fixtures';

test('a link with settings reopens them: 8x8, α 0.50, the Q view, seed 7', async ({ page }) => {
  await openLab(page, '?map=8x8&alpha=0.5&view=q&seed=7');
  const grid = page.getByRole('grid', { name: /Ice Maze 8 by 8/ });
  await expect(grid.locator('[data-state]')).toHaveCount(64);
  await expect(page.getByRole('slider', { name: 'Learning rate α' })).toHaveAttribute(
    'aria-valuetext',
    '0.50',
  );
  await expect(page.getByRole('radio', { name: 'Q(s,a)' })).toBeChecked();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The map picker shows the map of the link.
  await openDisclosure(page, /^Map /);
  await expect(page.getByRole('combobox', { name: 'Map' })).toHaveValue('8x8');
  // The address keeps describing the lab (in a fixed order, defaults left out).
  await expect.poll(() => new URL(page.url()).search).toBe('?map=8x8&seed=7&alpha=0.5&view=q');
});

test('a bad parameter is named in a notice, the rest applies, and the lab still runs', async ({
  page,
}) => {
  await openLab(page, '?alpha=7&gamma=abc&eps=0.5');
  const alerts = page.getByRole('alert');
  await expect(alerts.filter({ hasText: 'alpha="7"' })).toContainText(
    'Learning rate α must be above 0 and at most 1; got 7.',
  );
  await expect(alerts.filter({ hasText: 'gamma="abc"' })).toContainText('Discount γ must be');
  await expect(page.getByRole('slider', { name: 'Learning rate α' })).toHaveAttribute(
    'aria-valuetext',
    '0.10',
  );
  await expect(page.getByRole('slider', { name: 'Exploration ε' })).toHaveAttribute(
    'aria-valuetext',
    '0.500',
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => (await readStatus(page)).totalSteps).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The refused parameters are gone from the address; the good one stays.
  await expect.poll(() => new URL(page.url()).search).toBe('?eps=0.5');
});

test('changing a slider updates the address, and the address reopens it', async ({ page }) => {
  await openLab(page);
  expect(new URL(page.url()).search).toBe('');
  const alpha = page.getByRole('slider', { name: 'Learning rate α' });
  await alpha.focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('radio', { name: 'A(s,a)' }).check();
  await expect.poll(() => new URL(page.url()).search).toBe('?alpha=0.11&view=a');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(alpha).toHaveAttribute('aria-valuetext', '0.11');
  await expect(page.getByRole('radio', { name: 'A(s,a)' })).toBeChecked();
});

test('a random map link draws the same seeded map every time', async ({ page }) => {
  await openLab(page, '?map=random:6:0.7:11');
  const grid = page.getByRole('grid', { name: /Ice Maze 6 by 6/ });
  await expect(grid.locator('[data-state]')).toHaveCount(36);
  const tiles = () =>
    grid
      .locator('[data-state]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-tile')).join(''));
  const first = await tiles();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  expect(await tiles()).toBe(first);
  await expect.poll(() => new URL(page.url()).search).toBe('?map=random:6:0.7:11');
});
