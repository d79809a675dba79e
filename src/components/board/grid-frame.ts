/**
 * Turns a snapshot into what the grid draws. Pure: no DOM, no store.
 *
 * Slow speeds narrate every step: the agent moves along its current episode, animated, with the
 * intended and actual direction of the last step. Fast speeds show the latest finished episode
 * instead of every step, with no animation.
 */
import type { EnvInfo, OptimumInfo, Snapshot, Speed, UpdateData } from '../../worker/protocol';
import type { GridFrame, GridStep, Outcome } from '../../viz/q-grid';

/** Up to this many steps per second every step is animated. */
export const ANIMATE_MAX_SPEED = 20;
/** Longest and shortest move animation, in ms. */
export const MAX_MOVE_MS = 600;
export const MIN_MOVE_MS = 60;

/** How the last update ended its episode, if it did. */
export function stepOutcome(env: EnvInfo, last: UpdateData): Outcome | null {
  if (last.truncated) return 'timeout';
  if (!last.terminated) return null;
  const tile = env.desc[Math.floor(last.nextState / env.ncol)]![last.nextState % env.ncol];
  return tile === 'G' ? 'goal' : 'hole';
}

/** True when the speed narrates single steps. */
export function narrates(speed: Speed): boolean {
  return speed !== 'max' && speed <= ANIMATE_MAX_SPEED;
}

/** Duration of one move at a speed: most of the time between two steps. */
export function moveDuration(speed: Speed): number {
  if (speed === 'max') return 0;
  return Math.max(MIN_MOVE_MS, Math.min(MAX_MOVE_MS, (0.8 * 1000) / speed));
}

/**
 * The frame for `snapshot`. `previousTotalSteps` is the step count of the frame drawn before:
 * a single new step is animated when the speed narrates, anything else jumps.
 */
export function gridFrame(
  env: EnvInfo,
  snapshot: Snapshot,
  speed: Speed,
  previousTotalSteps: number,
  optimum: OptimumInfo | null,
): GridFrame {
  const last = snapshot.last;
  const oneStep =
    last !== null &&
    last.totalSteps === snapshot.totalSteps &&
    snapshot.totalSteps === previousTotalSteps + 1;
  const slow = narrates(speed) || !snapshot.running;
  let step: GridStep | null = null;
  if (last && slow && last.totalSteps === snapshot.totalSteps) {
    step = {
      from: last.state,
      to: last.nextState,
      intended: last.intended,
      actual: last.actual,
      explored: last.explored,
      outcome: stepOutcome(env, last),
    };
  }
  // Narrated: the episode under way (or the one that just ended, until the next step).
  // Fast: the latest finished episode, with the agent where it ended.
  const justEnded = snapshot.current.length === 0 && snapshot.previous !== null;
  const path = slow ? (justEnded ? snapshot.previous : snapshot.current) : snapshot.previous;
  const agentState = step
    ? step.to
    : path && path.length > 0
      ? path.states[path.length]!
      : snapshot.state;
  const vMax = Math.max(maxOf(optimum?.v), maxOf(snapshot.v));
  const qMax = Math.max(maxOf(optimum?.q), maxOf(snapshot.q));
  return {
    desc: env.desc,
    q: snapshot.q,
    v: snapshot.v,
    advantage: snapshot.advantage,
    greedyMask: snapshot.greedyMask,
    visits: snapshot.visits,
    tdErrors: snapshot.tdErrors,
    traces: snapshot.memory?.traces,
    agentState,
    path,
    step,
    animate: step !== null && oneStep && narrates(speed),
    durationMs: moveDuration(speed),
    // Colours keep their meaning over the run: 0 to the best value there is.
    domains: { v: [0, vMax], q: [0, qMax] },
  };
}

/**
 * At full speed the grid shows the latest finished episode, held this long (ms) before the next
 * one replaces it: long enough for a class to read a path, and a long path redrawn ten times a
 * second is most of what the page paints.
 */
export const FULL_SPEED_PATH_MS = 1000;

/** The path on screen at full speed, where the agent stands on it, and when it was put there (ms). */
export interface HeldPath {
  path: GridFrame['path'];
  agentState: number;
  at: number;
}

/**
 * The frame to draw at time `now` (ms), and the path to hold from then on. While training runs at
 * full speed, a path drawn less than `FULL_SPEED_PATH_MS` ago stays (the values still change);
 * otherwise, and at any other speed or when paused, the frame's own path is drawn and held.
 */
export function holdPath(
  frame: GridFrame,
  held: HeldPath | null,
  now: number,
  speed: Speed,
  running: boolean,
): { frame: GridFrame; held: HeldPath } {
  if (held && speed === 'max' && running && now - held.at < FULL_SPEED_PATH_MS)
    return { frame: { ...frame, path: held.path, agentState: held.agentState }, held };
  return { frame, held: { path: frame.path, agentState: frame.agentState, at: now } };
}

function maxOf(xs: ArrayLike<number> | undefined): number {
  let m = 0;
  if (!xs) return m;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}
