/**
 * How long the tuned presets take to train in the page, against the core in Node, in one sitting:
 * `npm run build && PERF_PORT=4345 npx tsx scripts/preset-timing.ts [ROUNDS] [SEED] [PRESET]`.
 *
 * Each round, for each preset (or only PRESET, e.g. `tuned-8x8`), interleaved:
 *   - the core: `npm run -s train` with the preset's settings, reading the time it prints for
 *     training alone, run twice: by tsx as `npm run` runs it, and bundled by Vite in plain Node as
 *     the page ships the engine (scripts/bundled-node.ts; tsx makes the engine slower);
 *   - the page: load it, click the preset's button (which sets full speed), press Play and time,
 *     in the page, from the click to the status line saying Finished (a MutationObserver on the
 *     line: no polling); meanwhile time each
 *     animation frame (the rate over the frames' span and the longest gap) and count long
 *     main-thread tasks (> 50 ms).
 * Prints one JSON line per measurement and, at the end, the medians and the page / core ratio.
 */
import { execFileSync } from 'node:child_process';
import { TUNED_PRESETS } from '../src/rl/tuned-presets';
import { openBrowser } from './browser';
import { withBundle } from './bundled-node';

const rounds = Number(process.argv[2] ?? 3);
const seed = Number(process.argv[3] ?? 0);
const only = process.argv[4];
const presets = TUNED_PRESETS.filter((p) => !only || p.id === only);
if (presets.length === 0) throw new Error(`No preset ${only}`);

/**
 * The core's training time, in ms, as `npm run -s train` prints it: run by `command` (tsx, as
 * `npm run train` does, or plain Node on the Vite bundle of scripts/train.ts, as the page runs the
 * engine; see scripts/bundled-node.ts).
 */
function coreMs(preset: (typeof TUNED_PRESETS)[number], command: readonly string[]): number {
  const p = preset.params;
  const out = execFileSync(
    command[0]!,
    [
      ...command.slice(1),
      ...['--map', preset.map, '--episodes', String(preset.episodes), '--seed', String(seed)],
      ...['--alpha', String(p.alpha), '--gamma', String(p.gamma), '--epsilon', String(p.epsilon)],
      ...['--epsilon-decay', String(p.epsilonDecay), '--min-epsilon', String(p.minEpsilon)],
    ],
    { encoding: 'utf8' },
  );
  const m = /in ([\d.]+) ms/.exec(out);
  if (!m) throw new Error(`train printed no time: ${out.slice(0, 200)}`);
  return Number(m[1]);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The command line as `npm run -s train` runs it. */
const TSX_TRAIN = ['npx', 'tsx', 'scripts/train.ts'] as const;

const session = await openBrowser(Number(process.env.PERF_PORT ?? 4345));
const results = new Map<string, { core: number[]; bundled: number[]; page: number[] }>();
await withBundle('scripts/train.ts', async (trainBundle) => {
  const bundledTrain = [process.execPath, trainBundle];
  for (let round = 0; round < rounds; round++) {
    for (const preset of presets) {
      const core = coreMs(preset, TSX_TRAIN);
      const bundled = coreMs(preset, bundledTrain);
      const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript('globalThis.__name = (f) => f;');
      // The presets are in the dock's Export and Import tab.
      await page.goto(`${session.url}?seed=${seed}&tab=io`);
      await page.getByRole('button', { name: 'Play' }).waitFor();
      await page.getByRole('button', { name: preset.name }).click();
      await page.getByRole('status').filter({ hasText: 'Total steps 0' }).waitFor();
      await page.waitForTimeout(500);
      const run = await page.evaluate(async () => {
        const status = () =>
          [...document.querySelectorAll('[role="status"]')].find((e) =>
            e.textContent?.includes('Total steps'),
          );
        const play = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Play');
        if (!play) throw new Error('no Play button');
        const longTasks: number[] = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
        }).observe({ type: 'longtask', buffered: false });
        // Each frame's time (the first frame after the click onward): the rate is frames over the
        // time they span, (n − 1) / (last − first), not over the run's length, whose start and
        // end fall anywhere inside a frame (over a 0.4 s run that alone moves the count by ±2.5 fps).
        const frames: number[] = [];
        let counting = true;
        let t0 = Infinity;
        const tick = (time: number) => {
          if (time >= t0) frames.push(time);
          if (counting) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        t0 = performance.now();
        play.click();
        // Told by a MutationObserver when the status line changes: polling the page on a timer
        // would itself take the main thread's time in the middle of the run it measures.
        const line = status();
        if (!line) throw new Error('no status line');
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!line.textContent?.includes('Finished')) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(line, { childList: true, characterData: true, subtree: true });
        });
        const ms = performance.now() - t0;
        counting = false;
        const span = frames[frames.length - 1]! - frames[0]!;
        let maxGap = 0;
        for (let i = 1; i < frames.length; i++)
          maxGap = Math.max(maxGap, frames[i]! - frames[i - 1]!);
        return { ms, fps: ((frames.length - 1) * 1000) / span, maxGap, longTasks };
      });
      // The objectives panel redraws every 250 ms: read it once it has caught up.
      await page.waitForTimeout(500);
      const success = await page.locator('[data-fact="greedy-success"]').textContent();
      await page.close();
      const r = results.get(preset.id) ?? { core: [], bundled: [], page: [] };
      r.core.push(core);
      r.bundled.push(bundled);
      r.page.push(run.ms);
      results.set(preset.id, r);
      console.log(
        JSON.stringify({
          preset: preset.id,
          round,
          coreMs: Math.round(core),
          bundledCoreMs: Math.round(bundled),
          pageMs: Math.round(run.ms),
          fps: Number(run.fps.toFixed(1)),
          maxFrameGapMs: Math.round(run.maxGap),
          longTasks: run.longTasks,
          success,
        }),
      );
    }
  }
  for (const [id, r] of results) {
    const core = median(r.core);
    const bundled = median(r.bundled);
    const page = median(r.page);
    console.log(
      `${id}: page ${Math.round(page)} ms, core ${Math.round(core)} ms in npm run -s train ` +
        `(page / core ${(page / core).toFixed(2)}), ${Math.round(bundled)} ms bundled ` +
        `(page / core ${(page / bundled).toFixed(2)}); medians of ${r.page.length}`,
    );
  }
}).finally(() => session.close());
