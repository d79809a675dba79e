import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openLab, openTab, readStatus, test } from './fixtures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CSV_HEADER =
  'state,row,col,tile,Q_left,Q_down,Q_right,Q_up,V,A_left,A_down,A_right,A_up,greedy';

/** Presses an Export button and returns the downloaded file. */
async function exportFile(page: Page, name: string): Promise<{ fileName: string; bytes: Buffer }> {
  await openTab(page, 'Export and Import');
  const panel = page.getByRole('region', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name, exact: true }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBeGreaterThan(0);
  await expect(panel.getByRole('status')).toHaveText(`Saved ${download.suggestedFilename()}.`);
  return { fileName: download.suggestedFilename(), bytes };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Trains a few hundred episodes at 10,000 steps per second, then pauses. */
async function trainAndPause(page: Page): Promise<number> {
  await page.getByRole('slider', { name: 'Speed' }).fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await readStatus(page)).episode).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText('Paused');
  return (await readStatus(page)).episode;
}

test('the Export panel names its five buttons', async ({ page }) => {
  await openLab(page);
  await openTab(page, 'Export and Import');
  const panel = page.getByRole('region', { name: 'Export' });
  for (const name of [
    'Grid as PNG',
    'Grid as SVG',
    'Curves as PNG',
    'Q, V and A as CSV',
    'Run as JSON',
  ])
    await expect(panel.getByRole('button', { name, exact: true })).toBeEnabled();
});

test('before training, the CSV is the 4x4 zero table: every action greedy', async ({ page }) => {
  await openLab(page);
  const { fileName, bytes } = await exportFile(page, 'Q, V and A as CSV');
  expect(fileName).toBe('ice-maze-4x4-seed0-episode0.csv');
  const lines = bytes.toString('utf8').trimEnd().split('\n');
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(17);
  expect(lines[1]).toBe('0,0,0,S,0,0,0,0,0,0,0,0,0,left|down|right|up');
  expect(lines[16]).toBe('15,3,3,G,0,0,0,0,0,0,0,0,0,left|down|right|up');
});

test('after training, the grid downloads as PNG and SVG, the curves as PNG', async ({ page }) => {
  await openLab(page);
  const episode = await trainAndPause(page);
  const base = `ice-maze-4x4-seed0-episode${episode}`;

  const gridPng = await exportFile(page, 'Grid as PNG');
  expect(gridPng.fileName).toBe(`${base}-grid.png`);
  expect(gridPng.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // Two pixels per CSS pixel of the grid as drawn.
  const gridBox = (await page.locator('.grid-host svg').boundingBox())!;
  expect(pngSize(gridPng.bytes).width).toBe(Math.floor(gridBox.width * 2));
  expect(gridPng.bytes.length).toBeGreaterThan(10_000);

  const gridSvg = await exportFile(page, 'Grid as SVG');
  expect(gridSvg.fileName).toBe(`${base}-grid.svg`);
  const svg = gridSvg.bytes.toString('utf8');
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg.match(/<g[^>]*\bdata-state="\d+"/g)?.length ?? 0).toBeGreaterThanOrEqual(16);
  expect(svg).not.toMatch(/NaN|var\(--/);
  // The file is valid SVG that draws on its own: parsed and loaded as an image in a blank page
  // (not the app's, whose policy rightly refuses the style attributes a parsed document holds).
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      drawn: img.naturalWidth > 0 && img.naturalHeight > 0,
    };
  }, svg);
  await blank.close();
  expect(parsed).toEqual({ error: null, root: 'svg', drawn: true });

  // The curves are drawn in their tab: open it once, then export from the Export tab.
  await openTab(page, 'Curves');
  const curves = await exportFile(page, 'Curves as PNG');
  expect(curves.fileName).toBe(`${base}-curves.png`);
  expect(curves.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(pngSize(curves.bytes).width).toBeGreaterThan(100);
});

test('after training, Q/V/A download as CSV and the run as JSON that matches it', async ({
  page,
}) => {
  await openLab(page);
  const episode = await trainAndPause(page);
  const base = `ice-maze-4x4-seed0-episode${episode}`;

  const csv = await exportFile(page, 'Q, V and A as CSV');
  expect(csv.fileName).toBe(`${base}.csv`);
  const rows = csv.bytes
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));
  expect(rows[0]!.join(',')).toBe(CSV_HEADER);
  expect(rows).toHaveLength(17);
  const q = rows.slice(1).map((r) => r.slice(4, 8).map(Number));
  expect(q.flat().every(Number.isFinite)).toBe(true);
  expect(q.flat().some((x) => x !== 0)).toBe(true);
  // V = max Q on every row.
  rows.slice(1).forEach((r, s) => expect(Number(r[8])).toBe(Math.max(...q[s]!)));

  const json = await exportFile(page, 'Run as JSON');
  expect(json.fileName).toBe(`${base}.json`);
  const run = JSON.parse(json.bytes.toString('utf8'));
  expect(run.format).toBe('ice-maze-lab/run');
  expect(run.settings.seed).toBe(0);
  expect(run.settings.map).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
  expect(run.settings.isSlippery).toBe(true);
  expect(run.settings.params).toMatchObject({ alpha: 0.1, gamma: 0.99 });
  expect(run.counters.episode).toBe(episode);
  // A run record: starting settings, no slider changes, the step count of these tables.
  expect(run.changes).toEqual([]);
  expect(run.totalSteps).toBe(run.counters.totalSteps);
  // The same snapshot as the CSV: Q identical to the last bit.
  expect(run.q).toEqual(q);
  expect(run.history.totals.episodes).toBeGreaterThan(0);
  expect(Array.isArray(run.frames)).toBe(true);
});
