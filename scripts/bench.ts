/**
 * Speed of the learning core: the lesson's 10,000 episodes on 4x4 slippery, timed after a
 * warm-up, `--runs` times (at least 5); prints the median. `npm run -s bench -- --json`.
 */
import { createEnv } from '../src/rl/env';
import { createAgent } from '../src/rl/agent';
import { LESSON_EPISODES } from '../src/rl/params';
import { runEpisodes } from '../src/rl/fast-loop';
import { numberFlag, parseFlags, runCli } from './cli';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

runCli(() => {
  const flags = parseFlags(process.argv.slice(2), ['json', 'runs', 'episodes']);
  const runs = numberFlag(flags, 'runs', { label: 'Runs', min: 5, max: 1000, integer: true }, 15);
  const episodes = numberFlag(
    flags,
    'episodes',
    { label: 'Episodes', min: 1, max: 1e8, integer: true },
    LESSON_EPISODES,
  );
  const env = createEnv({ map: '4x4', isSlippery: true });
  // Warm-up: let the JIT compile the hot loop.
  for (let i = 0; i < 5; i++) runEpisodes(createAgent(env, {}, 1000 + i), episodes);
  const rates: number[] = [];
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < runs; i++) {
    const agent = createAgent(env, {}, i);
    const t0 = performance.now();
    runEpisodes(agent, episodes);
    const ms = performance.now() - t0;
    steps = agent.totalSteps;
    times.push((ms * 10_000) / episodes);
    rates.push(agent.totalSteps / (ms / 1000));
  }
  const result = {
    stepsPerSecond: Math.round(median(rates)),
    msPer10kEpisodes: Number(median(times).toFixed(3)),
    runs,
    episodes,
    stepsPerRun: steps,
    minStepsPerSecond: Math.round(Math.min(...rates)),
    maxStepsPerSecond: Math.round(Math.max(...rates)),
  };
  if (flags.get('json') === 'true') process.stdout.write(JSON.stringify(result) + '\n');
  else
    process.stdout.write(
      `${(result.stepsPerSecond / 1e6).toFixed(1)} M steps/s (median of ${runs}; ${result.msPer10kEpisodes} ms per 10,000 episodes; range ${(result.minStepsPerSecond / 1e6).toFixed(1)}–${(result.maxStepsPerSecond / 1e6).toFixed(1)} M)\n`,
    );
});
