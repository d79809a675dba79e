import { expect, openDisclosure, openLab, openTab, test } from './fixtures';

test('picking 8x8 and Apply draws 64 cells and starts a new run', async ({ page }) => {
  await openLab(page);
  await openDisclosure(page, /^Map /);
  const mapGroup = page.getByRole('group', { name: 'Map' });
  await expect(mapGroup).toContainText('Applying a new map starts a new run.');
  await mapGroup.getByRole('combobox', { name: 'Map' }).selectOption('8x8');
  await mapGroup.getByRole('button', { name: 'Apply' }).click();
  const grid = page.getByRole('grid', { name: /Ice Maze 8 by 8/ });
  await expect(grid.locator('[data-state]')).toHaveCount(64);
  await expect(grid.locator('[data-tile="H"]')).toHaveCount(10);
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Total steps 0',
  );
  await expect.poll(() => new URL(page.url()).search).toBe('?map=8x8');
});

test('a custom map with no goal shows the core message and is not applied', async ({ page }) => {
  await openLab(page);
  await openDisclosure(page, /^Map /);
  const mapGroup = page.getByRole('group', { name: 'Map' });
  await mapGroup.getByRole('combobox', { name: 'Map' }).selectOption('custom');
  const rows = mapGroup.getByRole('textbox', { name: 'Rows' });
  await expect(rows).toHaveValue('SFFF,FHFH,FFFH,HFFG');
  await rows.fill('SFFF,FHFH,FFFH,HFFF');
  await expect(rows).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveAccessibleDescription(/The map has no goal: put at least one G on it\./);
  await mapGroup.getByRole('button', { name: 'Apply' }).click();
  await expect(rows).toBeFocused();
  await expect(rows).toHaveValue('SFFF,FHFH,FFFH,HFFF');
  await expect(
    page.getByRole('grid', { name: /Ice Maze 4 by 4/ }).locator('[data-tile="G"]'),
  ).toHaveCount(1);
});

test('a valid custom map is drawn as typed', async ({ page }) => {
  await openLab(page);
  await openDisclosure(page, /^Map /);
  const mapGroup = page.getByRole('group', { name: 'Map' });
  await mapGroup.getByRole('combobox', { name: 'Map' }).selectOption('custom');
  await mapGroup.getByRole('textbox', { name: 'Rows' }).fill('SFFFF,FHFHF,FFFFG');
  await mapGroup.getByRole('button', { name: 'Apply' }).click();
  const grid = page.getByRole('grid', { name: /Ice Maze 3 by 5/ });
  await expect(grid.locator('[data-state]')).toHaveCount(15);
  await expect(grid.locator('[data-tile="H"]')).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).search).toBe('?map=SFFFF,FHFHF,FFFFG');
});

test('a preset starts its run on the same map and says what to watch for', async ({ page }) => {
  await openLab(page, '?map=8x8');
  await openTab(page, 'Export and Import');
  const presets = page.getByRole('group', { name: 'Experiments' });
  await presets.getByRole('button', { name: 'No exploration' }).click();
  await expect(presets.getByRole('status')).toContainText('ties go Left');
  await expect(
    page.getByRole('grid', { name: /Ice Maze 8 by 8/ }).locator('[data-state]'),
  ).toHaveCount(64);
  await openDisclosure(page, 'More');
  await expect(page.getByRole('slider', { name: 'Minimum ε' })).toHaveAttribute(
    'aria-valuetext',
    '0.00',
  );
  // The open dock tab is part of the link (issue 15: `tab=`).
  await expect.poll(() => new URL(page.url()).search).toBe('?map=8x8&eps=0&min_eps=0&tab=io');
});
