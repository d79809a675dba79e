import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import { copyTrajectory, tableCopies } from '../../src/worker/table-copies';

describe('tableCopies: Q copied once, V, A and the greedy sets from the copy', () => {
  it('Q(0,·) = [0.5, 0.25, 0.5, 0], Q(1,·) = 0: V, A, masks and the four buffers to transfer', () => {
    const live = Float64Array.from([0.5, 0.25, 0.5, 0, 0, 0, 0, 0]);
    const transfer: Transferable[] = [];
    const t = tableCopies(live, 4, transfer);
    expect(Array.from(t.v)).toEqual([0.5, 0]);
    expect(Array.from(t.advantage)).toEqual([0, -0.25, 0, -0.5, 0, 0, 0, 0]);
    // Left and Right tie at 0.5 (bits 0 and 2: 5); every action ties at 0 (15).
    expect(Array.from(t.greedyMask)).toEqual([5, 15]);
    expect(transfer).toEqual([t.q.buffer, t.v.buffer, t.advantage.buffer, t.greedyMask.buffer]);
    // A copy: the live table keeps changing and is never transferred.
    expect(t.q.buffer).not.toBe(live.buffer);
    live[0] = 9;
    expect(t.q[0]).toBe(0.5);
  });
});

describe('copyTrajectory', () => {
  it('decodes the episode into fresh arrays and lists their five buffers for transfer', () => {
    const env = createEnv();
    const agent = createAgent(env, {}, 4);
    runSteps(agent, 5);
    const transfer: Transferable[] = [];
    const data = copyTrajectory(env, agent.current, transfer);
    expect(data.length).toBe(agent.current.length);
    expect(transfer).toEqual([
      data.states.buffer,
      data.actions.buffer,
      data.directions.buffer,
      data.explored.buffer,
      data.rewards.buffer,
    ]);
  });
});
