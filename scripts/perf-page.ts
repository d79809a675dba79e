/**
 * Page smoothness while training at full speed, measured in Debian's Chromium:
 * `npm run build && [PERF_MAP=8x8] npm run perf:page -- [SECONDS] [VIEW] [RUN]`.
 *
 * Counts animation frames and long main-thread tasks (PerformanceObserver 'longtask', > 50 ms)
 * from the moment Play is pressed, at full speed, for SECONDS (default 8), and prints one JSON
 * line: frames per second over the whole window, in its first second and after it, the longest
 * gap between two frames, and each long task's start (ms after Play) and length.
 *
 * VIEW `top` (default) is the page as it opens, the grid, the update and the objectives; `panels`
 * opens the dock's Curves tab (`?tab=curves`); `frames` its Frames tab; `tables` its Q and A
 * tables; `compare4` the comparison with four agents (Double Q-learning, SARSA(λ), Dyna-Q and
 * Monte Carlo) at full speed, started with "Start comparison" instead of Play.
 *
 * RUN `long` (default) trains a run of 10,000,000 episodes (`?episodes=10000000`), so the worker
 * trains flat out for the whole window; `lesson` keeps the lesson's 10,000 episodes, which full
 * speed finishes in a fraction of a second: the window then covers the burst and its aftermath.
 */
import { openBrowser } from './browser';

const seconds = Number(process.argv[2] ?? 8);
const view = process.argv[3] ?? 'top';
const run = process.argv[4] ?? 'long';
if (!(seconds >= 2)) throw new Error(`SECONDS must be a number ≥ 2, not ${process.argv[2]}`);
/** The dock tab each VIEW opens (`tab=` in the link). */
const TABS: Record<string, string | null> = {
  top: null,
  panels: 'curves',
  frames: 'frames',
  tables: 'tables',
  compare4: 'compare',
};
/** The comparison's four agents in `compare4`, by the menus' names. */
const COMPARE_AGENTS = [
  ['Left algorithm', 'double-q-learning'],
  ['Right algorithm', 'sarsa-lambda'],
  ['Third algorithm', 'dyna-q'],
  ['Fourth algorithm', 'monte-carlo'],
] as const;
if (!(view in TABS))
  throw new Error(`VIEW must be one of ${Object.keys(TABS).join(', ')}, not ${view}`);
const tab = TABS[view];
if (run !== 'long' && run !== 'lesson') throw new Error(`RUN must be long or lesson, not ${run}`);
const PORT = Number(process.env.PERF_PORT ?? 4392);

const session = await openBrowser(PORT);
const { browser } = session;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(): define it in the page.
  await page.addInitScript('globalThis.__name = (f) => f;');
  // PERF_MAP picks the map as a link writes it (`8x8`, `random:12:0.8:0`); absent: the lesson's 4x4.
  const map = process.env.PERF_MAP ? `map=${encodeURIComponent(process.env.PERF_MAP)}` : '';
  const query = [run === 'long' ? 'episodes=10000000' : '', tab ? `tab=${tab}` : '', map]
    .filter(Boolean)
    .join('&');
  await page.goto(query ? `${session.url}?${query}` : session.url);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  if (view === 'compare4') {
    const panel = page.getByRole('region', { name: 'Compare algorithms' });
    const add = panel.getByRole('button', { name: 'Add an agent' });
    await add.click();
    await add.click();
    for (const [name, algorithm] of COMPARE_AGENTS)
      await panel.getByRole('combobox', { name }).selectOption(algorithm);
    await panel.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  }
  // Let the page settle (fonts, the first layout of the panels in view) before Play.
  await page.waitForTimeout(500);
  const startName = view === 'compare4' ? 'Start comparison' : 'Play';
  const result = await page.evaluate(
    async ([ms, startName]) => {
      const status = () =>
        [...document.querySelectorAll('[role="status"]')].find((e) =>
          e.textContent?.includes('Total steps'),
        )?.textContent ?? '';
      const episodes = () =>
        Number((/Episode ([\d,]+)/.exec(status())?.[1] ?? '0').replace(/,/g, ''));
      const play = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === startName,
      );
      if (!play) throw new Error(`no ${startName} button`);
      const longTasks: { at: number; ms: number }[] = [];
      const frames: number[] = [];
      const t0 = performance.now();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          longTasks.push({ at: Math.round(e.startTime - t0), ms: Math.round(e.duration) });
      }).observe({ type: 'longtask', buffered: false });
      play.click();
      await new Promise<void>((resolve) => {
        const tick = (t: number) => {
          frames.push(t);
          if (t - t0 < ms) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      let maxGap = 0;
      for (let i = 1; i < frames.length; i++)
        maxGap = Math.max(maxGap, frames[i]! - frames[i - 1]!);
      const rate = (from: number, to: number) => {
        const inside = frames.filter((t) => t >= t0 + from && t < t0 + to).length;
        return Number((inside / ((to - from) / 1000)).toFixed(1));
      };
      return {
        seconds: Number(((frames[frames.length - 1]! - t0) / 1000).toFixed(2)),
        fps: rate(0, ms),
        fpsFirstSecond: rate(0, 1000),
        fpsAfter: rate(1000, ms),
        maxFrameGapMs: Number(maxGap.toFixed(1)),
        longTasks,
        episodesTrained: episodes(),
        finishedInWindow: status().includes('Finished'),
      };
    },
    [seconds * 1000, startName] as const,
  );
  console.log(JSON.stringify({ view, run, ...result }));
} finally {
  await session.close();
}
