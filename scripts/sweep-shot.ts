/**
 * The Sweep panel with a finished heatmap (the default sweep: α × γ, 4 × 4 values, seeds 0–3,
 * 64 agents on 4x4): `npm run build && npx tsx scripts/sweep-shot.ts [out.png]` (port 4345).
 * Saves the panel's screenshot (default docs/sweep.png) and prints the sweep's time and the
 * page's main-thread tasks over 50 ms while it ran (Long Tasks API). `CORES=n` makes the page
 * report n cores (`navigator.hardwareConcurrency`), to compare pool sizes.
 */
import { openBrowser } from './browser';

const out = process.argv[2] ?? 'docs/sweep.png';
const session = await openBrowser(4345);
try {
  const page = await session.browser.newPage({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  if (process.env.CORES)
    await page.addInitScript(
      `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${Number(process.env.CORES)} })`,
    );
  await page.goto(session.url);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  const panel = page.getByRole('region', { name: 'Sweep', exact: true });
  await panel.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.evaluate(
    () => ((globalThis as unknown as { __longTasks: number[] }).__longTasks = []),
  );
  const t0 = Date.now();
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  // A cheap poll: Playwright's role queries over the whole page would be main-thread tasks too.
  await page.waitForFunction(
    () => document.querySelector('.sweep-status')?.textContent?.includes('done in'),
    null,
    { polling: 500, timeout: 120_000 },
  );
  const ms = Date.now() - t0;
  const long = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
  );
  await page.waitForTimeout(400);
  await panel.screenshot({ path: out });
  const status = await panel.locator('.sweep-status').textContent();
  console.log(`${status} (${ms} ms from the click); tasks over 50 ms: ${JSON.stringify(long)}`);
  if (errors.length) console.log('console errors:', errors);
} finally {
  await session.close();
}
