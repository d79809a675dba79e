/**
 * The lab's additions to a run's settings as the training worker reads them: the algorithm's
 * name and the learner options (`parseCommand` checks their JavaScript types and copies them;
 * `checkSettings` checks their values with the registry's and the options' own checks), and the
 * live `set-learner` command.
 */
import { describe, expect, it } from 'vitest';
import { algorithmNameError } from '../../src/rl/algorithm-names';
import { learnerOptionErrors } from '../../src/rl/learner-options';
import { lessonSettings } from '../../src/shared/lesson-run';
import { parseCommand } from '../../src/worker/parse-command';
import type { RunSettings } from '../../src/worker/protocol';
import { checkSettings } from '../../src/worker/run-checks';

/** The settings `init` carried, or a failure naming the refusal. */
function parsedSettings(settings: unknown): RunSettings {
  const parsed = parseCommand({ type: 'init', settings });
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.command.type !== 'init') throw new Error(parsed.command.type);
  return parsed.command.settings;
}

describe('init: the algorithm and the learner options', () => {
  it('are carried when given (the options copied) and absent when not', () => {
    const learner = { lambda: 0.5 };
    const got = parsedSettings({ ...lessonSettings(), algorithm: 'sarsa-lambda', learner });
    learner.lambda = 0.1;
    expect([got.algorithm, got.learner]).toEqual(['sarsa-lambda', { lambda: 0.5 }]);
    const plain = parsedSettings(lessonSettings());
    expect(['algorithm' in plain, 'learner' in plain]).toEqual([false, false]);
  });

  it('are refused when of the wrong type', () => {
    expect(parseCommand({ type: 'init', settings: { ...lessonSettings(), algorithm: 3 } })).toEqual(
      {
        ok: false,
        error: "Bad command: settings.algorithm must be an algorithm's name; got number.",
      },
    );
    expect(
      parseCommand({ type: 'init', settings: { ...lessonSettings(), learner: 'fast' } }),
    ).toEqual({
      ok: false,
      error: 'Bad command: settings.learner must be an object; got "fast".',
    });
  });

  it('are checked by value: an unknown name and a bad option are named, and no run is built', () => {
    const settings = { ...lessonSettings(), learner: { lambda: 2 } } as RunSettings;
    expect(checkSettings(settings)).toEqual({
      errors: learnerOptionErrors({ lambda: 2 }),
      env: null,
    });
    const unknown = { ...lessonSettings(), algorithm: 'td-gammon' } as unknown as RunSettings;
    expect(checkSettings(unknown)).toEqual({
      errors: [algorithmNameError('td-gammon')],
      env: null,
    });
    const good = { ...lessonSettings(), algorithm: 'dyna-q', learner: { planningSteps: 3 } };
    expect(checkSettings(good as RunSettings).errors).toEqual([]);
  });
});

describe('set-learner', () => {
  it('copies its options object and refuses anything else', () => {
    const options = { lambda: 0.3 };
    const parsed = parseCommand({ type: 'set-learner', options });
    options.lambda = 0.9;
    expect(parsed).toEqual({
      ok: true,
      command: { type: 'set-learner', options: { lambda: 0.3 } },
    });
    expect(parseCommand({ type: 'set-learner', options: [1] })).toEqual({
      ok: false,
      error: 'Bad command: "set-learner" needs an options object; got an array.',
    });
  });
});
