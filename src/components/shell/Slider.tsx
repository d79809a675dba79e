import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Term } from '../dock/glossary/Term';
import type { TermId } from '../dock/glossary/term-names';
import { lessonTarget, type LessonTarget } from '../lesson/targets';

/** Props of a labelled slider with an exact-value field beside it. */
export interface SliderProps {
  /** Visible label and accessible name of the slider, e.g. "Learning rate α". */
  label: string;
  /**
   * The end of `label` the compact top bar shows, e.g. "α" of "Learning rate α": the words before
   * it are wrapped in `.slider-label-long`, which the bar hides visually, so the label still
   * reads (and names the slider) in full, and what is seen is part of the name.
   */
  short?: string;
  value: number;
  /** Slider range; the exact field accepts `limitMin`…`limitMax` (defaults: the slider's). */
  min: number;
  max: number;
  step: number;
  limitMin?: number;
  limitMax?: number;
  /** Formats the value for the output and for screen readers. */
  format?: (value: number) => string;
  /** One line on what the setting does. */
  hint?: string;
  /** Applies a value; returns false when it was refused (the field then keeps what was typed). */
  onChange: (value: number) => boolean;
  disabled?: boolean;
  /** A glossary entry to explain the setting, shown as a "?" button beside the label. */
  term?: TermId;
  /** Marks the slider as a control the guided lesson can highlight. */
  target?: LessonTarget;
}

/**
 * A range input (keyboard: arrows, Page Up/Down, Home/End) with a visible label, the current
 * value, and a number field for exact values. What is typed in the field is applied on Enter or
 * on leaving it; a value out of range is refused with a message under the field and is not
 * thrown away.
 */
export function Slider({
  label,
  short,
  value,
  min,
  max,
  step,
  limitMin = min,
  limitMax = max,
  format = (v) => String(v),
  hint,
  onChange,
  disabled,
  term,
  target,
}: SliderProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commitDraft = () => {
    if (draft === null) return;
    const parsed = draft.trim() === '' ? NaN : Number(draft);
    if (!Number.isFinite(parsed) || parsed < limitMin || parsed > limitMax) {
      setError(`${label}: enter a number from ${limitMin} to ${limitMax}.`);
      return;
    }
    if (onChange(parsed)) {
      setDraft(null);
      setError(null);
    }
  };

  return (
    <div className="slider" {...(target ? lessonTarget(target) : {})}>
      <div className="slider-head">
        <span className="slider-label">
          <label htmlFor={`${id}-range`} title={short ? label : undefined}>
            {short && label.endsWith(short) ? (
              <>
                <span className="slider-label-long">{label.slice(0, -short.length)}</span>
                {short}
              </>
            ) : (
              label
            )}
          </label>
          {term && <Term id={term}>?</Term>}
        </span>
        <output htmlFor={`${id}-range`} aria-hidden="true">
          {format(value)}
        </output>
      </div>
      <div className="slider-body">
        <input
          id={`${id}-range`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={Math.min(max, Math.max(min, value))}
          aria-valuetext={format(value)}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            setDraft(null);
            setError(null);
            onChange(Number(e.target.value));
          }}
        />
        <input
          className="slider-exact"
          type="number"
          inputMode="decimal"
          aria-label={`${label}, exact value`}
          min={limitMin}
          max={limitMax}
          step="any"
          value={draft ?? String(value)}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-errormessage={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitDraft}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Enter') commitDraft();
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
