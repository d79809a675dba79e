/**
 * The page-facing side every hosted trainer shares: read an untrusted message with the
 * trainer's parser, answer a refusal with an error event, run the command, turn anything it
 * throws into the trainer's own failure report, and ignore everything once disposed. Pure (no
 * `self`): the training and comparison trainers both return what this makes.
 */

/** A parser's answer: the command, or why the message was refused. */
export type Parsed<Command> = { ok: true; command: Command } | { ok: false; error: string };

/** What `guardedHandler` needs from a trainer. */
export interface GuardedParts<Command> {
  parse(message: unknown): Parsed<Command>;
  dispatch(command: Command): void;
  /** Posts a non-fatal error event (a refused message). */
  postError(message: string): void;
  /** Stops the loop and reports an unexpected failure; the trainer stays usable. */
  fail(error: unknown): void;
  /** Stops the loop and forgets the run (on dispose). */
  stop(): void;
}

/** `handle` and `dispose` for a trainer made of `parts`. */
export function guardedHandler<Command>(parts: GuardedParts<Command>): {
  handle(message: unknown): void;
  dispose(): void;
} {
  let disposed = false;
  return {
    handle(message) {
      if (disposed) return;
      const parsed = parts.parse(message);
      if (!parsed.ok) {
        parts.postError(parsed.error);
        return;
      }
      try {
        parts.dispatch(parsed.command);
      } catch (e) {
        parts.fail(e);
      }
    },
    dispose() {
      parts.stop();
      disposed = true;
    },
  };
}
