/**
 * What every worker's message parser needs: is a value a plain object, how to name a value of
 * the wrong type in a refusal, and the text of a thrown value. Shared by the training, comparison
 * and sweep workers so their refusals read alike.
 */

/** True for a plain object (not null, not an array). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Names a value of the wrong type in a refusal: `"text"`, `null`, `an array`, `number`… */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'string' ? `"${x}"` : typeof x;
}

/** The message of a thrown value. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
