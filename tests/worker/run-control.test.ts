/**
 * The run control both trainers share, on a fake port with a trainer's parts that count what
 * they are asked: its fresh state, the "needs a run" refusal, Play's budget block while running,
 * the failure report, and no snapshot without a run.
 */
import { describe, expect, it } from 'vitest';
import {
  createRunControl,
  type ErrorEvent,
  type RunControlParts,
} from '../../src/worker/run-control';
import { createFakePort } from './fake-endpoint';

interface Run {
  readonly id: number;
}

function runControl() {
  const port = createFakePort<ErrorEvent>(1000);
  const sent: number[] = [];
  const parts: RunControlParts<Run> = {
    failPrefix: 'Training',
    runNoun: 'a run',
    work: () => false,
    pacedDelay: () => 5,
    send: (_run, time) => sent.push(time),
  };
  const control = createRunControl<Run, number, ErrorEvent>(port, {}, parts);
  return { port, sent, control };
}

describe('a fresh run control', () => {
  it('has no run, is not finished, and refuses a command that needs one', () => {
    const { port, control } = runControl();
    expect([control.run, control.finished, control.nextId]).toEqual([null, false, 1]);
    expect(control.needRun('play')).toBeNull();
    expect(port.posted).toEqual([
      {
        event: { type: 'error', message: '"play" needs a run: send "init" first.', fatal: false },
        transfer: [],
      },
    ]);
  });

  it('sends no snapshot, even when asked, while there is no run', () => {
    const { sent, control } = runControl();
    control.gate.markAsked();
    control.gate.markDirty();
    control.gate.flush();
    expect(sent).toEqual([]);
  });

  it('keeps what the trainer sets in finished', () => {
    const { control } = runControl();
    control.finished = true;
    expect(control.finished).toBe(true);
  });
});

describe('Play', () => {
  it('runs to the end of the budget block; pressed again while running it changes nothing', () => {
    const { control } = runControl();
    control.begin({ id: 1 }, 0, () => {});
    control.finished = true;
    control.play(150, 100, () => 0);
    expect([control.targetEpisode, control.finished, control.loop.running]).toEqual([
      200,
      false,
      true,
    ]);
    control.play(250, 100, () => 0);
    expect(control.targetEpisode).toBe(200);
    control.loop.stop();
  });
});

describe('a failure', () => {
  it('stops the loop and reports it, prefixed, as a non-fatal error', () => {
    const { port, control } = runControl();
    control.begin({ id: 1 }, 0, () => {});
    control.play(0, 100, () => 0);
    port.clearPosted();
    control.fail(new Error('boom'));
    expect(control.loop.running).toBe(false);
    expect(port.events('error')).toEqual([
      { type: 'error', message: 'Training stopped: boom', fatal: false },
    ]);
  });
});
