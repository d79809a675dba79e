import { describe, expect, it } from 'vitest';
import { assertNever } from '../../src/worker/protocol';

describe('assertNever', () => {
  it('throws, naming the message no case handled (reachable only past the type checker)', () => {
    expect(() => assertNever({ type: 'teleport' } as never)).toThrow(
      'Unexpected message: {"type":"teleport"}',
    );
  });
});
