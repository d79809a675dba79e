import { expect, openLab, test } from './fixtures';

test('opens with the 4x4 Ice Maze drawn: 16 cells, 4 holes, one start and one goal', async ({
  page,
}) => {
  await openLab(page);
  const grid = page.getByRole('grid', { name: /Ice Maze 4 by 4/ });
  await expect(grid).toBeVisible();
  await expect(grid.locator('[data-state]')).toHaveCount(16);
  await expect(grid.locator('[data-tile="H"]')).toHaveCount(4);
  await expect(grid.locator('[data-tile="S"]')).toHaveCount(1);
  await expect(grid.locator('[data-tile="G"]')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Episode 0',
  );
});

test('the built page carries a Content-Security-Policy without inline script', async ({ page }) => {
  await openLab(page);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
});
