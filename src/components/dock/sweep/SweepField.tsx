/** One labelled text field of a pool's form, with an optional hint under it. */
export interface SweepFieldProps {
  /** The input's id; the hint's is `${id}-hint`. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  /** Whole numbers only: a phone shows its number pad. */
  numeric?: boolean;
  hint?: string;
}

/** A label, a text input and its hint, laid out as one axis of the sweep's form. */
export function SweepField(p: SweepFieldProps) {
  const hintId = `${p.id}-hint`;
  return (
    <div className="sweep-axis">
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        type="text"
        inputMode={p.numeric ? 'numeric' : undefined}
        spellCheck={false}
        disabled={p.disabled}
        value={p.value}
        aria-describedby={p.hint !== undefined ? hintId : undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.hint !== undefined && (
        <span id={hintId} className="sweep-hint">
          {p.hint}
        </span>
      )}
    </div>
  );
}
