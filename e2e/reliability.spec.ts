import { readFileSync, writeFileSync } from 'node:fs';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

test('a run exported as JSON, with a slider change mid-run, imports back to the same Q', async ({
  page,
}, testInfo) => {
  await openLab(page);
  const step = page.getByRole('button', { name: 'Step episode' });
  for (let i = 0; i < 20; i++) await step.click();
  await page.getByRole('spinbutton', { name: 'Learning rate α, exact value' }).fill('0.5');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 20; i++) await step.click();
  await expect.poll(async () => (await readStatus(page)).episode).toBe(40);
  await openTab(page, 'Export and Import');
  const exportPanel = page.getByRole('region', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByRole('button', { name: /JSON/ }).click(),
  ]);
  const file = testInfo.outputPath('run.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    changes: { atStep: number; params: { alpha?: number } }[];
    q: unknown;
  };
  expect(exported.changes).toHaveLength(1);
  expect(exported.changes[0]!.params.alpha).toBe(0.5);

  // A fresh page, a different run, then the import.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await openTab(page, 'Export and Import');
  await page
    .getByRole('region', { name: 'Import a run' })
    .getByLabel('Run file (JSON, as exported)')
    .setInputFiles(file);
  await expect.poll(async () => (await readStatus(page)).episode).toBe(40);
  await expect(page.getByRole('spinbutton', { name: 'Learning rate α, exact value' })).toHaveValue(
    '0.5',
  );
  // Export again: the same Q to the last digit.
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByRole('button', { name: /JSON/ }).click(),
  ]);
  const file2 = testInfo.outputPath('run2.json');
  await again.saveAs(file2);
  expect(JSON.parse(readFileSync(file2, 'utf8')).q).toEqual(exported.q);
});

test('a file that is not a run is refused with a message and changes nothing', async ({
  page,
}, testInfo) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await openTab(page, 'Export and Import');
  const bad = testInfo.outputPath('bad.json');
  writeFileSync(bad, JSON.stringify({ settings: { map: ['SF', 'FF'] } }));
  await page.getByLabel('Run file (JSON, as exported)').setInputFiles(bad);
  await expect(page.getByRole('alert').filter({ hasText: 'was refused' })).toBeVisible();
  expect((await readStatus(page)).totalSteps).toBe(1);
});
