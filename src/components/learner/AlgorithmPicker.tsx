import { useId, useState } from 'react';
import { ALGORITHM_LABELS, ALGORITHMS, isAlgorithm } from '../../rl/algorithms/registry';
import {
  ALPHA_SCHEDULES,
  DEFAULT_LEARNER_OPTIONS,
  EXPLORATIONS,
  isAlphaSchedule,
  isExploration,
  isTraceKind,
  LEARNER_LIMITS,
  TRACE_KINDS,
  type LearnerOptions,
} from '../../rl/learner-options';
import { parseNumber } from '../../rl/parse-values';
import { runAlgorithm, setAlgorithm, setLearnerOptions } from '../../store/lab/learner-actions';
import { FormField } from '../board/FormField';
import { useLab, useLabStore } from '../shell/lab-context';

/** How the menus name the options' words. */
const WORDS: Record<string, string> = {
  'epsilon-greedy': 'ε-greedy',
  softmax: 'softmax (τ)',
  ucb: 'UCB (c)',
  constant: 'constant α',
  visits: '1/N(s, a)',
  replacing: 'replacing',
  accumulating: 'accumulating',
};

/** The number options the picker shows as fields. */
type NumberOption = keyof typeof LEARNER_LIMITS;

/**
 * A number option as a text field: applied on Enter or when the field is left, read with the
 * core's `parseNumber` and `LEARNER_LIMITS`, so a bad value is named beside the field and
 * changes nothing.
 */
function NumberOptionField({
  option,
  value,
  onApply,
}: {
  option: NumberOption;
  value: number;
  onApply: (value: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const apply = () => {
    if (text === null) return;
    const read = parseNumber(LEARNER_LIMITS[option], text);
    if (!read.ok) return setError(read.error);
    setError(undefined);
    setText(null);
    if (read.value !== value) onApply(read.value);
  };
  return (
    <div onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()}>
      <FormField
        id={id}
        label={LEARNER_LIMITS[option].label}
        value={text ?? String(value)}
        error={error}
        inputMode="decimal"
        onChange={setText}
      />
    </div>
  );
}

/** A word option as a labelled select. */
function WordOptionField<T extends string>({
  label,
  words,
  value,
  is,
  onApply,
}: {
  label: string;
  words: readonly T[];
  value: T;
  is: (x: unknown) => x is T;
  onApply: (value: T) => void;
}) {
  return (
    <label className="inline-field">
      {label}
      <select value={value} onChange={(e) => is(e.target.value) && onApply(e.target.value)}>
        {words.map((w) => (
          <option key={w} value={w}>
            {WORDS[w] ?? w}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The algorithm picker (in the algorithm chip's panel): a labelled Algorithm select — another
 * algorithm starts a fresh run, Q back to Q₀, as the note says — and the picked algorithm's
 * options: λ and traces for SARSA(λ) and Q(λ), n for Dyna-Q, first visit for Monte Carlo, and
 * for all exploration (ε-greedy, softmax τ, UCB c), the step size and Q₀. Q₀ and first visit
 * start a fresh run too; the others act from the next step.
 */
export default function AlgorithmPicker() {
  const lab = useLabStore();
  const algorithm = useLab((s) => runAlgorithm(s.settings));
  const learner = useLab((s) => s.settings.learner);
  const options: LearnerOptions = { ...DEFAULT_LEARNER_OPTIONS, ...learner };
  const set = (change: Partial<LearnerOptions>) => setLearnerOptions(lab, change);
  const traced = algorithm === 'sarsa-lambda' || algorithm === 'q-lambda';
  return (
    <div className="algorithm-picker">
      <label className="inline-field">
        Algorithm
        <select
          value={algorithm}
          onChange={(e) => isAlgorithm(e.target.value) && setAlgorithm(lab, e.target.value)}
        >
          {ALGORITHMS.map((name) => (
            <option key={name} value={name}>
              {ALGORITHM_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        Another algorithm starts a fresh run: Q back to Q₀. The lesson and the presets use
        Q-learning.
      </p>
      <fieldset className="algorithm-options">
        <legend>{ALGORITHM_LABELS[algorithm]}: options</legend>
        {traced && (
          <>
            <NumberOptionField
              option="lambda"
              value={options.lambda}
              onApply={(lambda) => set({ lambda })}
            />
            <WordOptionField
              label="Traces"
              words={TRACE_KINDS}
              value={options.traces}
              is={isTraceKind}
              onApply={(traces) => set({ traces })}
            />
          </>
        )}
        {algorithm === 'dyna-q' && (
          <NumberOptionField
            option="planningSteps"
            value={options.planningSteps}
            onApply={(planningSteps) => set({ planningSteps })}
          />
        )}
        {algorithm === 'monte-carlo' && (
          <label className="inline-field">
            <input
              type="checkbox"
              checked={options.firstVisit}
              onChange={(e) => set({ firstVisit: e.target.checked })}
            />
            First visit only (a new run)
          </label>
        )}
        <WordOptionField
          label="Exploration"
          words={EXPLORATIONS}
          value={options.exploration}
          is={isExploration}
          onApply={(exploration) => set({ exploration })}
        />
        {options.exploration === 'softmax' && (
          <NumberOptionField
            option="temperature"
            value={options.temperature}
            onApply={(temperature) => set({ temperature })}
          />
        )}
        {options.exploration === 'ucb' && (
          <NumberOptionField option="ucbC" value={options.ucbC} onApply={(ucbC) => set({ ucbC })} />
        )}
        <WordOptionField
          label="Step size"
          words={ALPHA_SCHEDULES}
          value={options.alphaSchedule}
          is={isAlphaSchedule}
          onApply={(alphaSchedule) => set({ alphaSchedule })}
        />
        <NumberOptionField
          option="initialQ"
          value={options.initialQ}
          onApply={(initialQ) => set({ initialQ })}
        />
        <p className="hint">
          Q₀ and first visit start a fresh run; the rest act from the next step.
        </p>
      </fieldset>
    </div>
  );
}
