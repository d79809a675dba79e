import { useId, useState, type KeyboardEvent } from 'react';
import { DP_LIMITS } from '../../../rl/dp/dp-limits';
import { parseNumber } from '../../../rl/parse-values';

/** Props: the tolerance in force and what to do with a new one. */
export interface ToleranceFieldProps {
  value: number;
  onChange: (tolerance: number) => void;
}

/**
 * The tolerance that ends a run, typed as a number ("1e-6"), read like every other number of the
 * lab (`rl/parse-values` against `DP_LIMITS.tolerance`) on Enter or when the field is left. A
 * refused value is named in a message and changes nothing; Escape puts back the value in force.
 */
export function ToleranceField({ value, onChange }: ToleranceFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const read = parseNumber(DP_LIMITS.tolerance, draft);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setDraft(null);
    setError(null);
    if (read.value !== value) onChange(read.value);
  };
  return (
    <div className="dp-tolerance">
      <label htmlFor={id}>Tolerance</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        size={7}
        value={draft ?? value.toExponential()}
        aria-invalid={error !== null}
        aria-errormessage={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
