/**
 * Frames as the lesson saves them: V, Q, A and the episode's trajectory after episode e for
 * every e ≡ 0 (mod `frameInterval`), and after the last episode of a Play. They ride on the next
 * snapshot (at full speed they come every few ms, and one message per frame would cost the page
 * more than drawing them); a snapshot carries at most `MAX_FRAMES_PER_SNAPSHOT`, the first kept,
 * then the newest.
 *
 * Cost. A frame is taken after every episode with `frameInterval` 1, and most of them never
 * reach the page (a replay of millions of episodes keeps 256). So taking one only copies Q and
 * the packed trajectory into a slot the queue owns (no allocation); V, A, the greedy sets, the
 * decoded trajectory and the exact evaluation of the greedy policy are computed when the frame
 * leaves with a snapshot, for the frames that do.
 */
import type { IceMazeEnv } from '../rl/env';
import type { QAgent } from '../rl/agent';
import { createTrajectory, type Trajectory } from '../rl/trajectory';
import type { Frame } from './protocol';
import { copyTrajectory, tableCopies } from './table-copies';

/** Frames one snapshot carries at most (the first kept, then the newest): the gallery thins anyway. */
export const MAX_FRAMES_PER_SNAPSHOT = 256;

/**
 * Episodes a call may run so that it stops right after the next frame's episode: with E
 * episodes done and interval I, the next frame is after episode E + ((I − E mod I) mod I), which
 * is ((I − E mod I) mod I) + 1 episodes away.
 */
export function episodesToFrame(episode: number, interval: number): number {
  return ((interval - (episode % interval)) % interval) + 1;
}

/** One run's frames waiting for a snapshot. */
export interface FrameQueue {
  /**
   * After the agent advanced: takes the frame of the episode that just ended if it is one (a
   * multiple of `interval`, or the Play's last, `agent.episode === lastEpisode`) and was not
   * taken yet. True when a frame was taken.
   */
  capture(agent: QAgent, interval: number, lastEpisode: number): boolean;
  /**
   * The frames since the last call, oldest first; their buffers join `transfer`.
   * `successProbability(q, episode)` gives the exact success of a frame's greedy policy.
   */
  take(
    transfer: Transferable[],
    successProbability: (q: Float64Array, episode: number) => number,
  ): Frame[];
}

/** What a frame keeps until it is taken: plain copies into buffers the queue owns. */
interface Slot {
  episode: number;
  totalSteps: number;
  epsilon: number;
  q: Float64Array;
  trajectory: Trajectory;
  /** The environment the episode ran on (its rewards decode the trajectory; they may change live). */
  env: IceMazeEnv;
}

/**
 * A slot for frames of `agent`'s run. Its trajectory is built as the learner's are
 * (`createTrajectory`), each field written once: a copy made by spreading a trajectory and then
 * replacing its `codes` would share the learner's trajectories' hidden class and mark their
 * `codes` field as written twice, which throws away the fast loop's compiled code (V8 had
 * compiled it on the premise that `codes` never changes) in the first slice of a Play.
 */
function createSlot(agent: QAgent): Slot {
  return {
    episode: 0,
    totalSteps: 0,
    epsilon: 0,
    q: new Float64Array(agent.q.length),
    env: agent.env,
    trajectory: createTrajectory(agent.previous.codes.length, 0),
  };
}

function fill(slot: Slot, agent: QAgent): void {
  const from = agent.previous;
  slot.episode = agent.episode - 1;
  slot.totalSteps = agent.totalSteps;
  slot.epsilon = agent.epsilon;
  slot.q.set(agent.q);
  slot.env = agent.env;
  slot.trajectory.codes.set(from.codes.subarray(0, from.length));
  slot.trajectory.length = from.length;
  slot.trajectory.return = from.return;
  slot.trajectory.terminated = from.terminated;
  slot.trajectory.truncated = from.truncated;
  slot.trajectory.episode = from.episode;
}

/** An empty queue for run `runId` on `env`. */
export function createFrameQueue(runId: number, env: IceMazeEnv): FrameQueue {
  /** The last episode a frame was taken for. */
  let lastFrameEpisode = -1;
  /** The first frame since the last `take`, then a ring of the newest after it. */
  let first: Slot | null = null;
  let hasFirst = false;
  const ring: Slot[] = [];
  /** Frames in the ring, and the index of the oldest. */
  let count = 0;
  let head = 0;
  const ringSize = MAX_FRAMES_PER_SNAPSHOT - 1;

  return {
    capture(agent, interval, lastEpisode) {
      const e = agent.episode - 1;
      if (e <= lastFrameEpisode || (e % interval !== 0 && agent.episode !== lastEpisode))
        return false;
      lastFrameEpisode = e;
      if (!hasFirst) {
        first ??= createSlot(agent);
        fill(first, agent);
        hasFirst = true;
        return true;
      }
      // Full: the oldest after the first gives way to the newest.
      const index = (head + count) % ringSize;
      ring[index] ??= createSlot(agent);
      fill(ring[index], agent);
      if (count < ringSize) count++;
      else head = (head + 1) % ringSize;
      return true;
    },
    take(transfer, successProbability) {
      const slots = hasFirst ? [first!] : [];
      for (let i = 0; i < count; i++) slots.push(ring[(head + i) % ringSize]!);
      hasFirst = false;
      count = 0;
      head = 0;
      return slots.map((slot): Frame => {
        const tables = tableCopies(slot.q, env.nA, transfer);
        return {
          runId,
          episode: slot.episode,
          totalSteps: slot.totalSteps,
          epsilon: slot.epsilon,
          ...tables,
          trajectory: copyTrajectory(slot.env, slot.trajectory, transfer),
          successProbability: successProbability(tables.q, slot.episode + 1),
        };
      });
    },
  };
}
