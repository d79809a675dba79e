/**
 * Checks the tuned presets: trains each for seeds 0–9 and prints the median exact success
 * probability of the greedy policy against Gymnasium's threshold and the ceilings.
 * `npm run -s presets -- --json`.
 */
import { createEnv } from '../src/rl/env';
import { bestSuccessWithin, evaluateGreedy } from '../src/rl/evaluation';
import { createAgent } from '../src/rl/agent';
import { runEpisodes } from '../src/rl/fast-loop';
import { median } from '../src/rl/statistics';
import { TUNED_PRESETS } from '../src/rl/tuned-presets';
import { jsonFlag, parseFlags, runCli } from './cli';

runCli(() => {
  const flags = parseFlags(process.argv.slice(2), ['json']);
  const results = TUNED_PRESETS.map((p) => {
    const env = createEnv({ map: p.map });
    const t0 = performance.now();
    const success: number[] = [];
    for (let seed = 0; seed < 10; seed++) {
      const agent = createAgent(env, p.params, seed);
      runEpisodes(agent, p.episodes);
      success.push(evaluateGreedy(env, agent.q).successProbability);
    }
    return {
      id: p.id,
      map: p.map,
      episodes: p.episodes,
      params: p.params,
      success: success.map((x) => Number(x.toFixed(4))),
      median: Number(median(success).toFixed(4)),
      threshold: p.threshold,
      passes: median(success) >= p.threshold,
      bestWithinLimit: Number(bestSuccessWithin(env).toFixed(4)),
      msPerRun: Number(((performance.now() - t0) / 10).toFixed(0)),
    };
  });
  if (jsonFlag(flags)) process.stdout.write(JSON.stringify(results) + '\n');
  else
    for (const r of results)
      process.stdout.write(
        `${r.id}: median ${r.median} over seeds 0-9 (threshold ${r.threshold}, ${r.passes ? 'passes' : 'FAILS'}; best possible ${r.bestWithinLimit}); ${r.msPerRun} ms per run of ${r.episodes} episodes\n`,
      );
  if (!results.every((r) => r.passes)) process.exitCode = 1;
});
