/**
 * Speed of the learning core against the machine's limit, measured in the same run: the lesson's
 * Q-learning on 4x4 slippery (α 0.1, γ 0.99, ε 1 → 0.01 by 1e-4 per step) for `--episodes`
 * episodes (1,000,000 by default), timed `--runs` times (at least 5, 7 by default) after a
 * warm-up. Each round times the engine's `runSteps` (through `runEpisodes`, with all the
 * bookkeeping the page reads) and one invocation of the C loop `qlearn.c` of the shared bench
 * folder on the same number of episodes, in alternating order; the script prints both medians and
 * their ratio. Without the C file or a C compiler it still times the engine and says why there is
 * no ratio.
 *
 * Two clocks: wall time (the C loop's own `stepsPerSecond`, `performance.now()` around the
 * engine) and, on Linux, CPU time (the engine's `process.cpuUsage()`, the C process's user time
 * from this process's `cutime` in /proc/self/stat, in 1/100 s). On a machine shared with other
 * work the wall clock also counts the time each was kept waiting; CPU time does not.
 *
 *   npm run -s bench
 *   npm run -s bench -- --json --runs 9 --episodes 100000
 *
 * Not a unit test: the figures depend on the machine and on what else runs on it. Run through
 * `npm run bench` (scripts/bench.ts), which runs this file bundled by Vite in plain Node, as the
 * page runs the engine; under `tsx` the engine is slower (see scripts/bundled-node.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAgent } from '../src/rl/agent';
import { createEnv } from '../src/rl/env';
import { runEpisodes } from '../src/rl/fast-loop';
import { median } from '../src/rl/statistics';
import { jsonFlag, numberFlag, parseFlags, runCli } from './cli';

/** Where the C yardstick may live, relative to the repository and to the working directory. */
const C_CANDIDATES = [
  '/work/shared/bench/qlearn.c',
  resolve(import.meta.dirname, '../../shared/bench/qlearn.c'),
  resolve(process.cwd(), '../shared/bench/qlearn.c'),
];

/** The compiled C loop, or the reason there is none. */
function buildC(): { binary: string } | { missing: string } {
  const source = C_CANDIDATES.find((p) => existsSync(p));
  if (!source) return { missing: `no qlearn.c in ${[...new Set(C_CANDIDATES)].join(' or ')}` };
  const binary = join(mkdtempSync(join(tmpdir(), 'ice-maze-bench-')), 'qlearn');
  const cc = spawnSync('cc', ['-O2', '-o', binary, source], { encoding: 'utf8' });
  if (cc.error) return { missing: `no C compiler (cc: ${cc.error.message})` };
  if (cc.status !== 0) return { missing: `cc failed on ${source}: ${cc.stderr.trim()}` };
  return { binary };
}

/**
 * CPU seconds used by this process's finished children (user + system), from /proc/self/stat
 * fields 16 and 17 (`cutime`, `cstime`, in USER_HZ = 1/100 s); null off Linux.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name in parentheses start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
  } catch {
    return null;
  }
}

/** One invocation of the C loop: steps per second by its own wall clock and by CPU time. */
function runC(binary: string, episodes: number, seed: number): { wall: number; cpu: number } {
  const before = childCpuSeconds();
  const out = spawnSync(binary, [String(episodes), String(seed)], { encoding: 'utf8' });
  const after = childCpuSeconds();
  if (out.status !== 0) throw new Error(`qlearn exited with ${out.status}: ${out.stderr}`);
  const { steps, stepsPerSecond } = JSON.parse(out.stdout) as {
    steps: number;
    stepsPerSecond: number;
  };
  const cpu = before === null || after === null || after <= before ? NaN : steps / (after - before);
  return { wall: stepsPerSecond, cpu };
}

runCli(() => {
  const flags = parseFlags(process.argv.slice(2), ['json', 'runs', 'episodes']);
  const json = jsonFlag(flags);
  const runs = numberFlag(flags, 'runs', { label: 'Runs', min: 5, max: 1000, integer: true }, 7);
  const episodes = numberFlag(
    flags,
    'episodes',
    { label: 'Episodes', min: 1, max: 1e8, integer: true },
    1_000_000,
  );
  const env = createEnv({ map: '4x4', isSlippery: true });
  /** One engine run on a fresh agent: steps per second by both clocks, and the steps it took. */
  const runEngine = (seed: number): { wall: number; cpu: number; steps: number } => {
    const agent = createAgent(env, {}, seed);
    const cpu0 = process.cpuUsage().user;
    const t0 = performance.now();
    runEpisodes(agent, episodes);
    const ms = performance.now() - t0;
    const cpuMs = (process.cpuUsage().user - cpu0) / 1000;
    const steps = agent.totalSteps;
    return { wall: steps / (ms / 1000), cpu: steps / (cpuMs / 1000), steps };
  };
  // Warm-up: let the JIT compile the hot loop.
  for (let i = 0; i < 5; i++) runEngine(1000 + i);
  const c = buildC();
  const engine = { wall: [] as number[], cpu: [] as number[] };
  const native = { wall: [] as number[], cpu: [] as number[] };
  let steps = 0;
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs right after the other.
    const timeEngine = (): void => {
      const r = runEngine(i);
      engine.wall.push(r.wall);
      engine.cpu.push(r.cpu);
      steps = r.steps;
    };
    if (i % 2 === 0) timeEngine();
    if ('binary' in c) {
      const r = runC(c.binary, episodes, i + 1);
      native.wall.push(r.wall);
      native.cpu.push(r.cpu);
    }
    if (i % 2 === 1) timeEngine();
  }
  /** Median of the finite values, NaN when there are none. */
  const mid = (xs: number[]): number => median(xs.filter(Number.isFinite));
  const round = (x: number): number | null => (Number.isNaN(x) ? null : Math.round(x));
  const ratio3 = (x: number): number | null => (Number.isNaN(x) ? null : Number(x.toFixed(3)));
  const engineMedian = mid(engine.wall);
  const cMedian = mid(native.wall);
  const ratio = engineMedian / cMedian;
  const cpuRatio = mid(engine.cpu) / mid(native.cpu);
  const result = {
    stepsPerSecond: Math.round(engineMedian),
    cStepsPerSecond: round(cMedian),
    ratioToC: ratio3(ratio),
    cpuStepsPerSecond: round(mid(engine.cpu)),
    cCpuStepsPerSecond: round(mid(native.cpu)),
    cpuRatioToC: ratio3(cpuRatio),
    cMissing: 'missing' in c ? c.missing : null,
    runs,
    episodes,
    stepsPerRun: steps,
    msPer10kEpisodes: Number(((steps / engineMedian) * 1000 * (10_000 / episodes)).toFixed(3)),
    minStepsPerSecond: Math.round(Math.min(...engine.wall)),
    maxStepsPerSecond: Math.round(Math.max(...engine.wall)),
  };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const m = (x: number): string => `${(x / 1e6).toFixed(1)} M`;
  const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
  const vsC =
    'missing' in c
      ? `C loop not measured: ${c.missing}`
      : `C ${m(cMedian)} steps/s: ${pct(ratio)} of C`;
  const cpu = Number.isNaN(cpuRatio)
    ? ''
    : `; by CPU time engine ${m(mid(engine.cpu))}, C ${m(mid(native.cpu))}: ${pct(cpuRatio)} of C`;
  process.stdout.write(
    `engine ${m(engineMedian)} steps/s, ${vsC}${cpu} (medians of ${runs} interleaved runs of ` +
      `${episodes.toLocaleString('en-US')} episodes; engine range ${m(result.minStepsPerSecond)}–` +
      `${m(result.maxStepsPerSecond)})\n`,
  );
});
