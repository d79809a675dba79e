import { describe, expect, test } from 'vitest';
import { FULL_SPEED_PATH_MS, holdPath } from '../../src/components/board/grid-frame';
import { frameFor, MAP_4X4, trajectory } from '../viz/fixtures';

const first = frameFor(MAP_4X4, undefined, {
  path: trajectory([0, 4, 8], [1, 1], [1, 1]),
  agentState: 8,
});
const second = frameFor(MAP_4X4, undefined, { path: trajectory([0, 1], [2], [2]), agentState: 1 });

describe('holdPath: at full speed a finished episode stays on screen for a while', () => {
  test('the first frame is drawn as it is, and its path is held from then', () => {
    const r = holdPath(first, null, 5000, 'max', true);
    expect(r.frame).toBe(first);
    expect(r.held).toEqual({ path: first.path, agentState: 8, at: 5000 });
  });

  test('while training at full speed, a newer path waits until FULL_SPEED_PATH_MS have passed', () => {
    const held = holdPath(first, null, 5000, 'max', true).held;
    const soon = holdPath(second, held, 5000 + FULL_SPEED_PATH_MS - 1, 'max', true);
    // The values are the new frame's; the path and the agent are the held ones.
    expect(soon.frame.q).toBe(second.q);
    expect(soon.frame.path).toBe(first.path);
    expect(soon.frame.agentState).toBe(8);
    expect(soon.held).toBe(held);
    const later = holdPath(second, held, 5000 + FULL_SPEED_PATH_MS, 'max', true);
    expect(later.frame).toBe(second);
    expect(later.held).toEqual({ path: second.path, agentState: 1, at: 5000 + FULL_SPEED_PATH_MS });
  });

  test('at a narrated speed, or paused, every frame shows its own path', () => {
    const held = holdPath(first, null, 5000, 'max', true).held;
    expect(holdPath(second, held, 5001, 20, true).frame).toBe(second);
    expect(holdPath(second, held, 5001, 'max', false).frame).toBe(second);
  });
});
