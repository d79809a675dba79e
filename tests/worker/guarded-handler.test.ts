import { describe, expect, it } from 'vitest';
import { guardedHandler, type Parsed } from '../../src/worker/guarded-handler';

function parts() {
  const log: string[] = [];
  const handler = guardedHandler<string>({
    parse: (m): Parsed<string> =>
      typeof m === 'string' ? { ok: true, command: m } : { ok: false, error: 'not a string' },
    dispatch: (c) => {
      if (c === 'boom') throw new Error('boom');
      log.push(`ran ${c}`);
    },
    postError: (m) => log.push(`error ${m}`),
    fail: (e) => log.push(`failed ${(e as Error).message}`),
    stop: () => log.push('stopped'),
  });
  return { handler, log };
}

describe('guardedHandler', () => {
  it('runs a parsed command, answers a refusal with an error, and reports what a command throws', () => {
    const { handler, log } = parts();
    handler.handle('play');
    handler.handle(42);
    handler.handle('boom');
    handler.handle('pause');
    expect(log).toEqual(['ran play', 'error not a string', 'failed boom', 'ran pause']);
  });

  it('dispose stops the trainer, and every later message is ignored', () => {
    const { handler, log } = parts();
    handler.dispose();
    handler.handle('play');
    handler.handle(42);
    expect(log).toEqual(['stopped']);
  });
});
