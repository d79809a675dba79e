/**
 * Copies of a learner's live arrays for a message to the page. The live arrays keep changing
 * and are never transferred: each is copied once, everything else is derived from the copy, and
 * the copies' buffers are pushed onto the message's transfer list.
 */
import type { IceMazeEnv } from '../rl/env';
import { decodeTrajectory, type Trajectory } from '../rl/trajectory';
import { advantages, greedyMasks, stateValues } from '../rl/tables';
import type { TrajectoryData } from './protocol';

/** Q and the tables derived from it, as a snapshot and a frame carry them. */
export interface TableCopies {
  /** Q(s, a) = q[s · nA + a], a copy. */
  q: Float64Array;
  /** V(s) = max_a Q(s, a). */
  v: Float64Array;
  /** A(s, a) = Q(s, a) − V(s). */
  advantage: Float64Array;
  /** Bit a set when a is a greedy action of s (ties all set). */
  greedyMask: Uint8Array;
}

/** Copies the live Q once and derives V, A and the greedy sets from the copy. */
export function tableCopies(
  liveQ: Float64Array,
  nA: number,
  transfer: Transferable[],
): TableCopies {
  const q = liveQ.slice();
  const tables = {
    q,
    v: stateValues(q, nA),
    advantage: advantages(q, nA),
    greedyMask: greedyMasks(q, nA),
  };
  transfer.push(q.buffer, tables.v.buffer, tables.advantage.buffer, tables.greedyMask.buffer);
  return tables;
}

/** The trajectory unpacked into fresh arrays; their buffers are pushed onto `transfer`. */
export function copyTrajectory(
  env: IceMazeEnv,
  tr: Trajectory,
  transfer: Transferable[],
): TrajectoryData {
  const data: TrajectoryData = decodeTrajectory(env, tr);
  transfer.push(
    data.states.buffer,
    data.actions.buffer,
    data.directions.buffer,
    data.explored.buffer,
    data.rewards.buffer,
  );
  return data;
}
