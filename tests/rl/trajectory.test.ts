import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { runEpisodes } from '../../src/rl/fast-loop';
import { decodeTrajectory } from '../../src/rl/trajectory';
import { GREEDY, RIGHT } from './agent-fixtures';

describe('decodeTrajectory', () => {
  it('decodeTrajectory unpacks states, actions, directions, explored flags and rewards', () => {
    const env = createEnv({ map: ['SFG'], isSlippery: false });
    const agent = createAgent(env, GREEDY);
    agent.q[RIGHT] = 1;
    agent.q[4 + RIGHT] = 1;
    runEpisodes(agent, 1);
    const d = decodeTrajectory(env, agent.previous);
    expect(Array.from(d.states)).toEqual([0, 1, 2]);
    expect(Array.from(d.actions)).toEqual([RIGHT, RIGHT]);
    expect(Array.from(d.directions)).toEqual([RIGHT, RIGHT]);
    expect(Array.from(d.explored)).toEqual([0, 0]);
    expect(Array.from(d.rewards)).toEqual([0, 1]);
    expect([d.length, d.return, d.terminated, d.truncated, d.episode]).toEqual([
      2,
      1,
      true,
      false,
      0,
    ]);
  });
});
