import { expect } from 'vitest';
import { UsageError } from '../../scripts/cli';

/** The message of the `UsageError` `f` throws (the command line's one-line refusal). */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}
