/**
 * The README's table of algorithms: for every algorithm of the registry, trained with the lesson's
 * parameters (and the learner flags, default the lesson's learner) for the same seeds, the median
 * exact success of its greedy policy at the end, and the median number of environment steps until
 * that policy first reached the bar (`trainUntilReach`; a run that never reached it counts as
 * never, so a median of "never" means most runs did not). Prints a Markdown table, or JSON.
 *
 *   npx tsx scripts/algorithm-table.ts                        4x4, 20,000 episodes, seeds 0–9, bar 0.70
 *   npx tsx scripts/algorithm-table.ts --episodes 5000 --seeds 0-4 --planning-steps 20 --json
 */
import { createAgent } from '../src/rl/agent';
import { ALGORITHM_LABELS, ALGORITHMS } from '../src/rl/algorithms/registry';
import { trainUntilReach } from '../src/rl/first-reach';
import { LESSON_PARAMS } from '../src/rl/params';
import { median } from '../src/rl/statistics';
import {
  ENV_FLAGS,
  envFromFlags,
  jsonFlag,
  numberFlag,
  parseFlags,
  RUN_LIMITS,
  runCli,
  seedsFlag,
} from './cli';
import { LEARNER_FLAGS, learnerOptionsFromFlags } from './learner-flags';

/** Gymnasium's reward threshold for FrozenLake-v1, the lesson's bar. */
const DEFAULT_BAR = 0.7;

runCli(() => {
  const flags = parseFlags(process.argv.slice(2), [
    ...ENV_FLAGS,
    'episodes',
    'seeds',
    'bar',
    ...LEARNER_FLAGS,
    'json',
  ]);
  const env = envFromFlags(flags);
  const episodes = numberFlag(flags, 'episodes', RUN_LIMITS.episodes, 20_000);
  const bar = numberFlag(flags, 'bar', RUN_LIMITS.successRate, DEFAULT_BAR);
  const seeds = seedsFlag(flags, '0-9');
  const options = learnerOptionsFromFlags(flags);
  const params = { ...LESSON_PARAMS };

  const rows = ALGORITHMS.map((algorithm) => {
    const t0 = performance.now();
    const runs = seeds.map((seed) =>
      trainUntilReach(createAgent(env, params, seed, options), algorithm, episodes, bar),
    );
    // A run that never reached the bar sorts after every run that did.
    const steps = median(runs.map((r) => r.steps ?? Infinity));
    return {
      algorithm,
      label: ALGORITHM_LABELS[algorithm],
      medianSuccess: median(runs.map((r) => r.finalSuccess)),
      medianStepsToBar: Number.isFinite(steps) ? steps : null,
      reached: runs.filter((r) => r.steps !== null).length,
      success: runs.map((r) => r.finalSuccess),
      stepsToBar: runs.map((r) => r.steps),
      ms: performance.now() - t0,
    };
  });

  if (jsonFlag(flags)) {
    process.stdout.write(
      JSON.stringify({ map: env.desc, episodes, seeds, bar, options, rows }) + '\n',
    );
    return;
  }
  const lines = [
    `| algorithm | median exact success | median steps to ${bar.toFixed(2)} | runs that reached it |`,
    '|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} (\`${r.algorithm}\`) | ${r.medianSuccess.toFixed(3)} | ${
          r.medianStepsToBar === null ? 'never' : r.medianStepsToBar.toLocaleString('en-US')
        } | ${r.reached} of ${seeds.length} |`,
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  process.stderr.write(
    rows.map((r) => `${r.algorithm} ${(r.ms / 1000).toFixed(1)} s`).join(', ') + '\n',
  );
});
