/**
 * A refusal names the command it answers, so the page can tell a refused ice change from a
 * refused import (the store keeps an import under way when something else is refused).
 */
import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from './fake-endpoint';
import { lessonSettings } from './lesson-settings';

describe('a refusal names its command', () => {
  it('the refused command’s type rides on the error; none before any run, or for a message that could not be read', () => {
    const port = createFakeEndpoint();
    const trainer = createTrainer(port);
    trainer.handle({ type: 'play' });
    trainer.handle({ type: 'init', settings: lessonSettings() });
    trainer.handle({ type: 'set-env', change: { successRate: 5 } });
    trainer.handle({ type: 'replay', record: { settings: {}, changes: [], totalSteps: -1 } });
    trainer.handle({ type: 'set-params', params: { alpha: 7 } });
    trainer.handle({ type: 'fly' });
    const errors = port.events('error');
    expect(errors.map((e) => e.command)).toEqual([
      undefined,
      'set-env',
      'replay',
      'set-params',
      undefined,
    ]);
    expect(errors.every((e) => !e.fatal)).toBe(true);
    expect(errors[0]!.message).toMatch(/^"play" needs a run/);
  });
  // A failure under way (a slice that throws) names none: tests/worker/run-control.test.ts.
});
