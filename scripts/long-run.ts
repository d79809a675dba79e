/**
 * Memory over a long run: `npm run build && npm run long-run -- 1000000` (port `PERF_PORT`,
 * default 4397). Trains the given number of episodes at full speed in Debian's Chromium
 * (pressing Play again after each budget) and reports the page's JS heap after a forced garbage
 * collection, before and after, plus the DOM node count: both must stay flat (histories and frames are downsampled or capped).
 */
import { openBrowser } from './browser';

const target = Number(process.argv[2] ?? 1_000_000);
const PORT = Number(process.env.PERF_PORT ?? 4397);

const session = await openBrowser(PORT);
const { browser } = session;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(session.url);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heapMB: Number((usedSize / 2 ** 20).toFixed(2)), domNodes: nodes };
  };
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  // Warm up: one budget, so caches and lazily built parts exist before the first measurement.
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('status').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
  const before = await measure();
  const t0 = Date.now();
  const episodes = () =>
    page.evaluate(() =>
      Number(
        (
          /Episode ([\d,]+)/.exec(
            [...document.querySelectorAll('[role="status"]')].find((x) =>
              x.textContent?.includes('Total steps'),
            )?.textContent ?? '',
          )?.[1] ?? '0'
        ).replace(/,/g, ''),
      ),
    );
  let e = await episodes();
  const deadline = Date.now() + 240_000;
  while (e < target && Date.now() < deadline) {
    const play = page.getByRole('button', { name: 'Play' });
    if (await play.isVisible()) await play.click();
    await page.waitForTimeout(200);
    e = await episodes();
  }
  await page.getByRole('status').filter({ hasText: 'Finished' }).waitFor({ timeout: 120_000 });
  const after = await measure();
  const frames = await page.getByRole('list', { name: 'Gallery' }).getByRole('listitem').count();
  console.log(
    JSON.stringify({
      episodes: await episodes(),
      seconds: Number(((Date.now() - t0) / 1000).toFixed(1)),
      before,
      after,
      galleryFrames: frames,
    }),
  );
} finally {
  await session.close();
}
