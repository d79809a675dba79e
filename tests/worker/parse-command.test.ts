/**
 * parseCommand, the training worker's shape check of every message: each command's accepted
 * shapes, each refusal's exact words, and the copies it makes so a sender's later changes cannot
 * reach the run.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_PARAMS } from '../../src/rl/params';
import { lessonSettings } from '../../src/shared/lesson-run';
import { parseCommand } from '../../src/worker/parse-command';
import { COMMAND_TYPES, type RunSettings } from '../../src/worker/protocol';

/** The lesson's run on 4x4 (a fresh copy: the tests change theirs). */
const SETTINGS: RunSettings = lessonSettings('4x4', 7);

/** The refusal of `message`, or a failure when it was accepted. */
function refusal(message: unknown): string {
  const parsed = parseCommand(message);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(message)}`);
  return parsed.error;
}

/** The refusal of an `init` with `settings` changed by `change`. */
function settingsRefusal(change: Record<string, unknown>): string {
  return refusal({ type: 'init', settings: { ...SETTINGS, ...change } });
}

describe('parseCommand: what is not a command', () => {
  it('names a non-object', () => {
    expect(refusal(null)).toBe('Bad command: expected an object with a "type"; got null.');
    expect(refusal([1])).toBe('Bad command: expected an object with a "type"; got an array.');
    expect(refusal('play')).toBe('Bad command: expected an object with a "type"; got "play".');
  });

  it('names an unknown or missing type and lists the known ones', () => {
    const known = COMMAND_TYPES.join(', ');
    expect(refusal({ type: 'jump' })).toBe(
      `Bad command: unknown type "jump"; expected one of ${known}.`,
    );
    expect(refusal({ type: 3 })).toBe(
      `Bad command: unknown type number; expected one of ${known}.`,
    );
    expect(refusal({})).toBe(`Bad command: unknown type undefined; expected one of ${known}.`);
  });
});

describe('parseCommand: init', () => {
  it('accepts the settings and copies the map, the schedule and the parameters', () => {
    const settings = {
      ...SETTINGS,
      map: [...SETTINGS.map],
      params: { ...SETTINGS.params },
      rewardSchedule: [1, -1, 0],
    };
    const parsed = parseCommand({ type: 'init', settings, extra: 1 });
    if (!parsed.ok || parsed.command.type !== 'init') throw new Error('refused');
    const got = parsed.command.settings;
    expect(got).toMatchObject({ ...settings });
    settings.map[0] = 'GGGG';
    settings.rewardSchedule[0] = 9;
    settings.params.alpha = 0.5;
    expect([got.map[0], got.rewardSchedule![0], got.params.alpha]).toEqual([
      'SFFF',
      1,
      LESSON_PARAMS.alpha,
    ]);
  });

  it('leaves an absent schedule absent (Gymnasium’s (1, 0, 0) is the trainer’s default)', () => {
    const parsed = parseCommand({ type: 'init', settings: SETTINGS });
    expect(
      parsed.ok && parsed.command.type === 'init' && 'rewardSchedule' in parsed.command.settings,
    ).toBe(false);
  });

  it('refuses settings that are not an object', () => {
    expect(refusal({ type: 'init' })).toBe(
      'Bad command: "init" needs a settings object; got undefined.',
    );
    expect(refusal({ type: 'init', settings: [] })).toBe(
      'Bad command: "init" needs a settings object; got an array.',
    );
  });

  it('refuses a map that is not a list of row strings, a sparse list included', () => {
    const words = (got: string) =>
      `Bad command: settings.map must be an array of row strings; got ${got}.`;
    expect(settingsRefusal({ map: 'SFFG' })).toBe(words('"SFFG"'));
    expect(settingsRefusal({ map: ['SF', 3] })).toBe(words('an array'));
    // eslint-disable-next-line no-sparse-arrays
    expect(settingsRefusal({ map: ['SF', , 'FG'] })).toBe(words('an array'));
  });

  it('refuses a slippery switch that is not true or false', () => {
    expect(settingsRefusal({ isSlippery: 'yes' })).toBe(
      'Bad command: settings.isSlippery: Slippery ice must be true or false; got "yes".',
    );
  });

  it.each(['successRate', 'maxSteps', 'seed', 'episodes', 'frameInterval'])(
    'refuses a %s that is not a number',
    (name) => {
      expect(settingsRefusal({ [name]: '5' })).toBe(
        `Bad command: settings.${name} must be a number; got "5".`,
      );
    },
  );

  it('refuses a schedule that is not a list, and parameters that are not an object or lack keys', () => {
    expect(settingsRefusal({ rewardSchedule: 1 })).toBe(
      'Bad command: settings.rewardSchedule must be a list of three numbers; got number.',
    );
    expect(settingsRefusal({ params: null })).toBe(
      'Bad command: settings.params must be an object; got null.',
    );
    const partial: Record<string, unknown> = { ...LESSON_PARAMS };
    delete partial.epsilonDecay;
    delete partial.tieBreak;
    expect(settingsRefusal({ params: partial })).toBe(
      'Bad command: settings.params is missing epsilonDecay, tieBreak.',
    );
  });
});

describe('parseCommand: the other commands', () => {
  it('set-params copies its object; anything else is refused', () => {
    const params = { alpha: 0.3 };
    const parsed = parseCommand({ type: 'set-params', params });
    params.alpha = 0.9;
    expect(parsed).toEqual({ ok: true, command: { type: 'set-params', params: { alpha: 0.3 } } });
    expect(refusal({ type: 'set-params', params: 'alpha' })).toBe(
      'Bad command: "set-params" needs a params object; got "alpha".',
    );
  });

  it('set-speed takes a number or "max"', () => {
    expect(parseCommand({ type: 'set-speed', speed: 'max' })).toEqual({
      ok: true,
      command: { type: 'set-speed', speed: 'max' },
    });
    expect(parseCommand({ type: 'set-speed', speed: 30 })).toEqual({
      ok: true,
      command: { type: 'set-speed', speed: 30 },
    });
    expect(refusal({ type: 'set-speed', speed: 'fast' })).toBe(
      'Bad command: "set-speed" needs a number of steps per second or "max"; got "fast".',
    );
  });

  it('set-frame-interval and ping take a number', () => {
    expect(parseCommand({ type: 'set-frame-interval', frameInterval: 50 })).toEqual({
      ok: true,
      command: { type: 'set-frame-interval', frameInterval: 50 },
    });
    expect(refusal({ type: 'set-frame-interval', frameInterval: '50' })).toBe(
      'Bad command: "set-frame-interval" needs a number frameInterval; got "50".',
    );
    expect(parseCommand({ type: 'ping', id: 4 })).toEqual({
      ok: true,
      command: { type: 'ping', id: 4 },
    });
    expect(refusal({ type: 'ping' })).toBe('Bad command: "ping" needs a number id; got undefined.');
  });

  it('replay passes its record on for the trainer to check', () => {
    const record = { anything: true };
    expect(parseCommand({ type: 'replay', record })).toEqual({
      ok: true,
      command: { type: 'replay', record },
    });
  });

  it.each([
    'play',
    'pause',
    'step',
    'step-episode',
    'reset',
    'request-snapshot',
    'run-greedy-episode',
    'cancel-replay',
  ] as const)('%s carries nothing else (extra fields are dropped)', (type) => {
    expect(parseCommand({ type, extra: 1 })).toEqual({ ok: true, command: { type } });
  });
});
