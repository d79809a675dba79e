/**
 * Every algorithm of the registry side by side (with the learner's flags of `learner-flags.ts`): each trained with the lesson's parameters
 * for the same seeds, and the greedy policy of each Q evaluated exactly (the probability of reaching
 * the goal within the time limit, no sampling). Prints a table, or JSON with `--json`.
 *
 *   npm run -s compare                      4x4 slippery, 10,000 episodes, seeds 0–9
 *   npm run -s compare -- --map 8x8 --episodes 20000 --seeds 0-4 --json
 *
 * `--seeds` takes seeds and ranges: `0-9`, `0,3,7`, `2-4,11`; a single number is that one seed.
 */
import { bestSuccessWithin, evaluateGreedy } from '../src/rl/evaluation';
import { LESSON_EPISODES, LESSON_PARAMS } from '../src/rl/params';
import { type Algorithm, ALGORITHM_LABELS, ALGORITHMS } from '../src/rl/algorithms/registry';
import { trainAlgorithm } from '../src/rl/training';
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

/** One algorithm's runs. */
interface AlgorithmResult {
  algorithm: Algorithm;
  label: string;
  /** Exact success probability of the greedy policy, one per seed (same order as `seeds`). */
  successProbability: number[];
  /** Steps each run took. */
  steps: number[];
  median: number;
  mean: number;
  min: number;
  max: number;
}

runCli(() => {
  const flags = parseFlags(process.argv.slice(2), [
    ...ENV_FLAGS,
    'episodes',
    'seeds',
    ...LEARNER_FLAGS,
    'json',
  ]);
  const options = learnerOptionsFromFlags(flags);
  const env = envFromFlags(flags);
  const episodes = numberFlag(flags, 'episodes', RUN_LIMITS.episodes, LESSON_EPISODES);
  const seeds = seedsFlag(flags, '0-9');
  const params = { ...LESSON_PARAMS };

  const t0 = performance.now();
  const results: AlgorithmResult[] = ALGORITHMS.map((algorithm) => {
    const successProbability: number[] = [];
    const steps: number[] = [];
    for (const seed of seeds) {
      const agent = trainAlgorithm(env, algorithm, params, seed, episodes, options);
      successProbability.push(evaluateGreedy(env, agent.q).successProbability);
      steps.push(agent.totalSteps);
    }
    return {
      algorithm,
      label: ALGORITHM_LABELS[algorithm],
      successProbability,
      steps,
      median: median(successProbability),
      mean: successProbability.reduce((a, b) => a + b, 0) / successProbability.length,
      min: Math.min(...successProbability),
      max: Math.max(...successProbability),
    };
  });
  const ms = performance.now() - t0;
  const best = bestSuccessWithin(env);

  if (jsonFlag(flags)) {
    process.stdout.write(
      JSON.stringify({
        map: env.desc,
        isSlippery: env.isSlippery,
        successRate: env.successRate,
        rewardSchedule: env.rewardSchedule,
        horizon: env.maxSteps,
        episodes,
        params,
        options,
        seeds,
        bestSuccessWithinLimit: best,
        results,
        medians: Object.fromEntries(results.map((r) => [r.algorithm, r.median])),
        ms,
      }) + '\n',
    );
    return;
  }

  const width = Math.max(...results.map((r) => r.label.length), 6) + 2;
  const row = (head: string, cells: string[]) =>
    head.padEnd(8) + cells.map((c) => c.padStart(width)).join('');
  const fmt = (x: number) => x.toFixed(4);
  const lines = [
    `Exact success probability of the greedy policy within ${env.maxSteps} steps`,
    `${env.desc.join(',')} ${env.isSlippery ? 'slippery' : 'not slippery'}, ${episodes} episodes, lesson parameters (α ${params.alpha}, γ ${params.gamma}, ε ${params.epsilon} − ${params.epsilonDecay}/step ≥ ${params.minEpsilon})`,
    '',
    row(
      'seed',
      results.map((r) => r.label),
    ),
    ...seeds.map((seed, i) =>
      row(
        String(seed),
        results.map((r) => fmt(r.successProbability[i]!)),
      ),
    ),
    row(
      'median',
      results.map((r) => fmt(r.median)),
    ),
    row(
      'mean',
      results.map((r) => fmt(r.mean)),
    ),
    row(
      'min',
      results.map((r) => fmt(r.min)),
    ),
    '',
    `Best possible within ${env.maxSteps} steps: ${fmt(best)}. ${seeds.length * results.length} runs in ${(ms / 1000).toFixed(1)} s.`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
});
