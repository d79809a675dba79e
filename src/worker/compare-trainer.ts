/**
 * The comparison loop behind the comparison worker: two learners (Q-learning, SARSA or Expected
 * SARSA, either side) trained side by side on one environment, each from the same seed and the
 * same ε schedule (`compare-learner.ts`). Commands in, events out, time and timers injected (a
 * `TrainerEndpoint`), on the same run control as the training worker (`run-control.ts`: the
 * slice loop, the snapshot gate, the Play budget).
 *
 * Lockstep. The loop always advances the agent that has finished fewer episodes (the left one on
 * a tie), never past the next curve point (every `curveInterval` episodes), so the two stay within
 * one interval of each other and their curves fill together.
 *
 * Pacing. At a finite speed (episodes per second) the slower agent may go as far as the pacer's
 * credit allows (at most `MAX_BACKLOG_MS` worth of episodes ahead), a slice about every frame.
 */
import type { IceMazeEnv } from '../rl/env';
import { bestSuccessWithin } from '../rl/evaluation';
import { checkLimit } from '../rl/params';
import { createLearner, type Learner } from './compare-learner';
import {
  COMPARE_SPEED_LIMIT,
  DEFAULT_COMPARE_SPEED,
  type CompareAlgorithms,
  type CompareCommand,
  type CompareEvent,
  type CompareSpeed,
  type RunSettings,
} from './compare-protocol';
import { envInfo, optimumFor } from './env-facts';
import { STATS_WINDOW_EPISODES } from './episode-ring';
import { parseCompareCommand } from './parse-compare-command';
import { assertNever, type TrainerEndpoint } from './protocol';
import { checkSettings } from './run-checks';
import { createRunControl, type RunControl } from './run-control';
import type { TrainerOptions } from './slice-loop';

/** Curve points per Play budget: one every ⌈episodes / this⌉ episodes. */
export const CURVE_POINTS_PER_BUDGET = 200;
/** At a finite speed, ms between slices (about one frame: the page cannot show more). */
export const PACED_SLICE_DELAY_MS = 16;

/** Episodes between two curve points for a Play budget of `episodes`: ⌈episodes / 200⌉, ≥ 1. */
export function curveIntervalFor(episodes: number): number {
  return Math.max(1, Math.ceil(episodes / CURVE_POINTS_PER_BUDGET));
}

/** A running comparison trainer. */
export interface CompareTrainer {
  /** Handles one message from the page; anything malformed is answered with an `error`. */
  handle(message: unknown): void;
  /** Stops the loop and forgets the run; later messages are ignored. */
  dispose(): void;
}

/** The state of one run (from `init` or `reset` to the next). */
interface Run {
  readonly id: number;
  readonly settings: RunSettings;
  readonly algorithms: CompareAlgorithms;
  readonly env: IceMazeEnv;
  /** One per algorithm, in the same order. */
  readonly learners: readonly Learner[];
  readonly curveInterval: number;
}

/** The learner to advance next toward `goal`: the one furthest behind (the first on a tie), or null. */
function behind(r: Run, goal: number): Learner | null {
  let next = r.learners[0]!;
  for (const l of r.learners) if (l.agent.episode < next.agent.episode) next = l;
  return next.agent.episode < goal ? next : null;
}

/** Episodes the slowest learner has finished. */
function slowest(r: Run): number {
  let min = Infinity;
  for (const l of r.learners) min = Math.min(min, l.agent.episode);
  return min;
}

/**
 * Creates the comparison trainer over an endpoint. Nothing runs until a message arrives.
 * `options` shortens slices and calls for tests (the defaults are `slice-loop.ts`'s constants).
 */
export function createCompareTrainer<Handle>(
  endpoint: TrainerEndpoint<Handle, CompareEvent>,
  options: Partial<TrainerOptions> = {},
): CompareTrainer {
  const now = () => endpoint.now();
  let speed: CompareSpeed = DEFAULT_COMPARE_SPEED;

  const control: RunControl<Run> = createRunControl(endpoint, options, {
    failPrefix: 'The comparison',
    runNoun: 'a comparison',
    work(r, start, inTime) {
      const { pacer, targetEpisode } = control;
      const from = slowest(r);
      const goal =
        speed === 'max' ? targetEpisode : Math.min(targetEpisode, from + pacer.earn(start, speed));
      for (let l = behind(r, goal); l; l = behind(r, goal)) {
        l.advance(control.options.chunkSteps, goal);
        control.gate.markDirty();
        if (!inTime()) break;
      }
      pacer.spend(slowest(r) - from);
      return slowest(r) >= targetEpisode;
    },
    pacedDelay: () => (speed === 'max' ? null : PACED_SLICE_DELAY_MS),
    send(r) {
      const transfer: Transferable[] = [];
      endpoint.post(
        {
          type: 'snapshot',
          snapshot: {
            seq: control.nextSeq(),
            runId: r.id,
            running: control.loop.running,
            finished: control.finished,
            targetEpisode: control.targetEpisode,
            speed,
            agents: r.learners.map((l) => l.snapshot(transfer)),
          },
        },
        transfer,
      );
    },
  });
  const { loop, gate, postError, needRun } = control;

  /** Builds a run (every agent at Q = 0), or the messages why it cannot be; changes nothing. */
  function buildRun(settings: RunSettings, algorithms: CompareAlgorithms): Run | string {
    const { errors, env } = checkSettings(settings);
    if (!env) return errors.join(' ');
    const curveInterval = curveIntervalFor(settings.episodes);

    return {
      id: control.nextId,
      env,
      settings: { ...settings, map: [...env.desc] },
      algorithms: [...algorithms],
      learners: algorithms.map((a) => createLearner(env, settings, a, curveInterval, now)),
      curveInterval,
    };
  }

  function startRun(next: Run): void {
    const { env } = next;
    // The costly part first: if it throws, the previous run is untouched.
    const optimum = optimumFor(env, next.settings.params.gamma, bestSuccessWithin(env));
    control.begin(next, next.settings.episodes, () =>
      endpoint.post(
        {
          type: 'ready',
          runId: next.id,
          env: envInfo(env),
          settings: {
            ...next.settings,
            map: [...next.settings.map],
            params: { ...next.settings.params },
          },
          algorithms: next.algorithms,
          optimum: {
            gamma: optimum.gamma,
            startValue: optimum.v[env.start]!,
            successProbability: optimum.successProbability,
            bestWithinLimit: optimum.bestWithinLimit,
          },
          curveInterval: next.curveInterval,
          window: STATS_WINDOW_EPISODES,
        },
        [],
      ),
    );
  }

  function dispatch(command: CompareCommand): void {
    switch (command.type) {
      case 'init':
      case 'reset': {
        const base = command.type === 'init' ? command : needRun(command.type);
        if (!base) return;
        const next = buildRun(base.settings, base.algorithms);
        if (typeof next === 'string') postError(next);
        else startRun(next);
        return;
      }
      case 'play': {
        const r = needRun(command.type);
        if (r) control.play(slowest(r), r.settings.episodes, () => 0);
        return;
      }
      case 'pause':
        loop.stop();
        gate.flush();
        return;
      case 'set-speed': {
        const next = command.speed;
        const error = next === 'max' ? null : checkLimit(COMPARE_SPEED_LIMIT, next);
        if (error) {
          postError(error);
          return;
        }
        speed = next;
        if (loop.running) {
          control.pacer.reset(now());
          loop.reschedule(0);
        }
        gate.markDirty();
        gate.flush();
        return;
      }
      case 'request-snapshot':
        gate.request();
        return;
      default:
        assertNever(command);
    }
  }

  return control.handler(parseCompareCommand, dispatch);
}
