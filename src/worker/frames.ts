/**
 * Frames as the lesson saves them: V, Q, A and the episode's trajectory after episode e for
 * every e ≡ 0 (mod `frameInterval`), and after the last episode of a Play. They ride on the next
 * snapshot (at full speed they come every few ms, and one message per frame would cost the page
 * more than drawing them); a snapshot carries at most `MAX_FRAMES_PER_SNAPSHOT`, the first kept,
 * then the newest.
 */
import type { IceMazeEnv } from '../rl/env';
import type { QAgent } from '../rl/agent';
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
   * taken yet. `successProbability(q)` gives the exact success of the frame's greedy policy.
   * True when a frame was taken.
   */
  capture(
    agent: QAgent,
    interval: number,
    lastEpisode: number,
    successProbability: (q: Float64Array, episode: number) => number,
  ): boolean;
  /** The frames since the last call; their buffers join `transfer`. */
  take(transfer: Transferable[]): Frame[];
}

/** An empty queue for run `runId` on `env`. */
export function createFrameQueue(runId: number, env: IceMazeEnv): FrameQueue {
  /** The last episode a frame was taken for. */
  let lastFrameEpisode = -1;
  let pending: { frame: Frame; transfer: Transferable[] }[] = [];

  return {
    capture(agent, interval, lastEpisode, successProbability) {
      const e = agent.episode - 1;
      if (e <= lastFrameEpisode || (e % interval !== 0 && agent.episode !== lastEpisode))
        return false;
      lastFrameEpisode = e;
      const transfer: Transferable[] = [];
      const tables = tableCopies(agent.q, env.nA, transfer);
      const frame: Frame = {
        runId,
        episode: e,
        totalSteps: agent.totalSteps,
        epsilon: agent.epsilon,
        ...tables,
        trajectory: copyTrajectory(env, agent.previous, transfer),
        successProbability: successProbability(tables.q, agent.episode),
      };
      pending.push({ frame, transfer });
      if (pending.length > MAX_FRAMES_PER_SNAPSHOT) pending.splice(1, 1);
      return true;
    },
    take(transfer) {
      const frames = pending.map((p) => {
        transfer.push(...p.transfer);
        return p.frame;
      });
      pending = [];
      return frames;
    },
  };
}
