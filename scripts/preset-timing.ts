/**
 * How long the tuned presets take to train in the browser: `npm run build && npx tsx
 * scripts/preset-timing.ts [seed]` (port 4345). For each preset: load it from the Presets panel
 * (which sets full speed), press Play, time until the status line says Finished, and read the
 * greedy policy's exact success from the Objectives panel.
 */
import { TUNED_PRESETS } from '../src/rl/tuned-presets';
import { openBrowser } from './browser';

const seed = Number(process.argv[2] ?? 0);
const session = await openBrowser(4345);
try {
  for (const preset of TUNED_PRESETS) {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.url}?seed=${seed}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.getByRole('button', { name: preset.name }).click();
    await page.getByRole('status').filter({ hasText: 'Total steps 0' }).waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('status').filter({ hasText: 'Finished' }).waitFor({ timeout: 600_000 });
    const seconds = (Date.now() - t0) / 1000;
    await page.waitForTimeout(300);
    const success = await page.locator('[data-fact="greedy-success"]').textContent();
    console.log(
      `${preset.id}: ${preset.episodes} episodes in ${seconds.toFixed(1)} s in Chromium (seed ${seed}); greedy policy ${success}`,
    );
    await page.close();
  }
} finally {
  await session.close();
}
