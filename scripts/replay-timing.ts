/**
 * How long the training worker takes to replay an imported record, through the worker's own
 * code (the trainer, its slices and progress reports) on Node with a real clock:
 * `npx tsx scripts/replay-timing.ts [STEPS] [MAP] [FRAME_INTERVAL]`, e.g.
 * `npx tsx scripts/replay-timing.ts 10000000 4x4 1` (the record) or
 * `npx tsx scripts/replay-timing.ts 100000000 SH,FG 1` (short episodes: the most frames a step).
 * Prints the steps, the map, the progress reports and the wall time.
 */
import { splitMapRows } from '../src/rl/maps';
import { readNumber } from '../src/rl/parse-values';
import { lessonSettings } from '../src/shared/lesson-run';
import type { TrainerEvent } from '../src/worker/protocol';
import { createTrainer } from '../src/worker/trainer';
import { runCli, UsageError } from './cli';

runCli(() => {
  const [stepsText = '10000000', mapText = '4x4', intervalText = '1'] = process.argv.slice(2);
  const totalSteps = readNumber(stepsText);
  const frameInterval = readNumber(intervalText);
  if (totalSteps === null || frameInterval === null)
    throw new UsageError('usage: replay-timing.ts [STEPS] [MAP] [FRAME_INTERVAL]');
  const base = lessonSettings('4x4');
  const map =
    mapText === '4x4' || mapText === '8x8' ? lessonSettings(mapText).map : splitMapRows(mapText);
  const settings = { ...base, map, frameInterval };
  let progress = 0;
  const started = performance.now();
  const trainer = createTrainer<NodeJS.Immediate>({
    now: () => performance.now(),
    schedule: (fn) => setImmediate(fn),
    cancel: (h) => clearImmediate(h),
    post(event: TrainerEvent) {
      if (event.type === 'replay-progress') progress++;
      else if (event.type === 'error') throw new Error(event.message);
      else if (event.type === 'ready') {
        const ms = performance.now() - started;
        trainer.handle({ type: 'request-snapshot' });
        process.stdout.write(
          `${totalSteps.toLocaleString('en-US')} steps on ${map.join(',')}, frame every ${frameInterval}: ` +
            `${ms.toFixed(0)} ms, ${progress} progress reports\n`,
        );
        trainer.dispose();
      }
    },
  });
  trainer.handle({ type: 'replay', record: { settings, changes: [], totalSteps } });
});
