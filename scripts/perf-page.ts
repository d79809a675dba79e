/**
 * Page smoothness while training at full speed, measured in Debian's Chromium:
 * `npm run build && npm run perf:page`. Counts animation frames and long main-thread tasks
 * (PerformanceObserver 'longtask', > 50 ms) over a window of training at full speed; Play is
 * pressed again whenever a 10,000-episode budget finishes, so the worker never idles.
 * Prints JSON: fps, the longest frame gap, the long tasks, episodes trained.
 *
 * `npm run perf:page -- SECONDS [VIEW]`: VIEW `top` (default) is the page as it opens, the grid and
 * its controls; `panels` scrolls so the learning curves and the Q and A tables are on screen.
 */
import { openBrowser } from './browser';

const seconds = Number(process.argv[2] ?? 10);
const view = process.argv[3] ?? 'top';
if (view !== 'top' && view !== 'panels') throw new Error(`VIEW must be top or panels, not ${view}`);
const PORT = 4392;

const session = await openBrowser(PORT);
const { browser } = session;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(): define it in the page.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(session.url);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  if (view === 'panels')
    await page.evaluate(() =>
      document.querySelector('section[aria-label="Learning curves"]')?.scrollIntoView(),
    );
  const result = await page.evaluate(async (ms) => {
    const longTasks: number[] = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
    const keepPlaying = () => {
      const play = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Play');
      play?.click();
    };
    const status = () =>
      [...document.querySelectorAll('[role="status"]')].find((e) =>
        e.textContent?.includes('Total steps'),
      )?.textContent ?? '';
    const episodes = () =>
      Number((/Episode ([\d,]+)/.exec(status())?.[1] ?? '0').replace(/,/g, ''));
    keepPlaying();
    const startEpisodes = episodes();
    const frames: number[] = [];
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        frames.push(t);
        keepPlaying();
        if (t - t0 < ms) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    let maxGap = 0;
    for (let i = 1; i < frames.length; i++) maxGap = Math.max(maxGap, frames[i]! - frames[i - 1]!);
    const elapsed = (frames[frames.length - 1]! - frames[0]!) / 1000;
    return {
      seconds: Number(elapsed.toFixed(2)),
      fps: Number(((frames.length - 1) / elapsed).toFixed(1)),
      maxFrameGapMs: Number(maxGap.toFixed(1)),
      longTasks: longTasks.length,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      episodesTrained: episodes() - startEpisodes,
    };
  }, seconds * 1000);
  console.log(JSON.stringify({ view, ...result }));
} finally {
  await session.close();
}
