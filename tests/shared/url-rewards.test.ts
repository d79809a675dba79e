import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/shared/url/url-state';
import { labQuery, urlStateToRun } from '../../src/shared/url/lab-link';
import { lessonSettings } from '../../src/shared/lesson-run';

describe('the link’s rewards=g,h,f', () => {
  it('reads the schedule into the run the link starts', () => {
    const { state, notices } = parseUrlState('?rewards=1,-1,-0.01&success=0.8');
    expect(notices).toEqual([]);
    expect(state.rewardSchedule).toEqual([1, -1, -0.01]);
    const { settings } = urlStateToRun(state);
    expect(settings.rewardSchedule).toEqual([1, -1, -0.01]);
    expect(settings.successRate).toBe(0.8);
  });

  it('writes it only when it differs from Gymnasium’s 1,0,0, and reads back what it wrote', () => {
    const plain = parseUrlState('').state;
    expect(serializeUrlState(plain)).toBe('');
    expect(serializeUrlState({ ...plain, rewardSchedule: [1, 0, 0] })).toBe('');
    const query = serializeUrlState({ ...plain, rewardSchedule: [1, -1, -0.01] });
    expect(query).toBe('rewards=1,-1,-0.01');
    expect(serializeUrlState(parseUrlState(query).state)).toBe(query);
  });

  it('follows the lab’s settings, so a live change goes into the link', () => {
    const settings = { ...lessonSettings('4x4'), rewardSchedule: [1, 0, -0.01] as const };
    expect(labQuery({ settings, speed: 10, view: 'v' }, '')).toContain('rewards=1,0,-0.01');
  });

  it('a bad schedule is ignored with a notice naming why; the rest of the link applies', () => {
    const { state, notices } = parseUrlState('?rewards=1,0&seed=3');
    expect(state.rewardSchedule).toBeUndefined();
    expect(state.seed).toBe(3);
    expect(notices).toEqual([
      'The link\'s rewards="1,0" was ignored: Rewards (goal, hole, frozen) must be three numbers such as 1,-1,-0.01; got "1,0".',
    ]);
    expect(parseUrlState('?rewards=1,x,0').notices).toEqual([
      'The link\'s rewards="1,x,0" was ignored: Reward for a hole must be from -100 to 100; got NaN.',
    ]);
  });
});
