/**
 * A screenshot of the Sweep panel with a finished heatmap (the default 64-agent sweep on 4x4):
 * `npm run build && npx tsx scripts/sweep-shot.ts [out.png]` (port 4345). Prints the sweep's time
 * and the page's long main-thread tasks while it ran.
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
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.startTime), Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  if (process.env.CORES)
    await page.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${process.env.CORES} })`);
  await page.goto(session.url);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  const panel = page.getByRole('region', { name: 'Sweep', exact: true });
  await panel.scrollIntoViewIfNeeded();
  await page.evaluate(() => ((globalThis as unknown as { __longTasks: number[] }).__longTasks = []));
  const t0 = Date.now();
  console.log('t0', await page.evaluate(() => Math.round(performance.now())));
  if (process.env.IDLE) {
    await page.waitForTimeout(3000);
    const idle = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks);
    console.log('idle long tasks', JSON.stringify(idle));
  }
  const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  // A cheap poll: Playwright's role queries over the whole page would be main-thread tasks too.
  await page.waitForFunction(
    () => document.querySelector('.sweep-status')?.textContent?.includes('done in'),
    null,
    { polling: 500, timeout: 120_000 },
  );
  const ms = Date.now() - t0;
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join('\n'));
  }
  const long = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks);
  await page.waitForTimeout(400);
  await panel.screenshot({ path: out });
  const status = await panel.getByRole('status').filter({ hasText: 'agents' }).textContent();
  console.log(`${status} (${ms} ms wall); long tasks: ${JSON.stringify(long.map(Math.round))}`);
  if (errors.length) console.log('console errors:', errors);
} finally {
  await session.close();
}
