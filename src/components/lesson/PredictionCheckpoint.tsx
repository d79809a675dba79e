import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import type { LabStore, LabState } from '../../store/lab-store';
import { worksheetStore, type WorksheetStore } from '../../store/worksheet-store';
import {
  guessError,
  guessLabel,
  predictionRun,
  type Prediction,
  type RunOutcome,
} from './predictions';
import './predict.css';
import type { LessonRunRef } from './useChapterRun';

/** Props of `PredictionCheckpoint`. */
export interface PredictionCheckpointProps {
  store: LabStore;
  prediction: Prediction;
  /** The lesson's run: the checkpoint's run becomes it, so the next chapter does not ask. */
  lessonRun?: LessonRunRef;
  /** Where the guess and its reveal are kept (the page's worksheet unless a test gives one). */
  worksheet?: WorksheetStore;
}

/** The outcome of the finished run `runId`, or null while it is not finished. */
export function finishedOutcome(lab: LabState, runId: number): RunOutcome | null {
  const snap = lab.snapshot;
  if (lab.runId !== runId || !lab.finished || !snap || snap.runId !== runId || !lab.optimum)
    return null;
  return {
    settings: lab.settings,
    episodes: snap.episode,
    q: snap.q,
    successProbability: snap.evaluation.successProbability,
    optimalSuccess: lab.optimum.successProbability,
  };
}

/**
 * "Predict, then see": the student commits a guess, which is then locked; "Run it" trains the
 * checkpoint's run at full speed through its budget, and the reveal compares the guess with what
 * the run left. The guess and the reveal are kept in the worksheet, so coming back to the chapter
 * shows them, locked, instead of asking again.
 */
export function PredictionCheckpoint({
  store,
  prediction,
  lessonRun,
  worksheet = worksheetStore,
}: PredictionCheckpointProps) {
  const id = useId();
  const kept = useStore(worksheet, (s) => s.predictions.find((p) => p.id === prediction.id));
  const [guess, setGuess] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  // Asked on request, like the chapter's question; a kept guess shows at once.
  const [asked, setAsked] = useState(false);
  const phase = kept === undefined ? 'guess' : kept.correct === null ? 'locked' : 'revealed';

  // Reveal when the checkpoint's run has finished: the first new run after "Run it" is it.
  useEffect(() => {
    if (runId === null) return;
    const reveal = (lab: LabState) => {
      const outcome = finishedOutcome(lab, runId);
      const entry = worksheet.getState().predictions.find((p) => p.id === prediction.id);
      if (!outcome || !entry || entry.correct !== null) return;
      // The locked guess, as committed: what is typed after the lock never reaches the check.
      const verdict = prediction.reveal(entry.value, outcome);
      worksheet
        .getState()
        .recordPrediction({ ...entry, correct: verdict.correct, reveal: verdict.text });
    };
    reveal(store.getState());
    return store.subscribe(reveal);
  }, [store, worksheet, prediction, runId]);

  const commit = () => {
    const why = guessError(prediction, guess);
    setError(why);
    if (why !== null) return;
    worksheet.getState().recordPrediction({
      id: prediction.id,
      prompt: prediction.prompt,
      guess: guessLabel(prediction, guess),
      value: guess,
      correct: null,
      reveal: '',
    });
  };

  const run = () => {
    const lab = store.getState();
    const before = lab.runId;
    if (!lab.applySettings(predictionRun(prediction), '4x4')) return;
    // The new run is the one whose id follows; the lesson adopts it.
    const stop = store.subscribe((s) => {
      if (s.runId === before) return;
      stop();
      if (lessonRun) lessonRun.id = s.runId;
      setRunId(s.runId);
    });
    lab.setSpeed('max');
    lab.play();
  };

  const disabled = phase !== 'guess';
  const shown = kept ? kept.value : guess;
  return (
    <section className="lesson-predict" aria-labelledby={`${id}-head`}>
      <h4 id={`${id}-head`}>Predict, then see</h4>
      {!asked && kept === undefined ? (
        <button type="button" onClick={() => setAsked(true)}>
          Make a prediction
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            commit();
          }}
        >
          <p className="predict-question" id={`${id}-prompt`}>
            {prediction.prompt}
          </p>
          {prediction.format === 'number' ? (
            <label className="inline-field">
              Your guess
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={`${id}-prompt`}
                value={shown}
                readOnly={disabled}
                onChange={(e) => setGuess(e.target.value)}
              />
            </label>
          ) : (
            <fieldset
              className={
                prediction.format === 'arrow' ? 'predict-choices predict-arrows' : 'predict-choices'
              }
              disabled={disabled}
            >
              <legend>Your guess</legend>
              {prediction.choices.map((c) => (
                <label key={c.value}>
                  <input
                    type="radio"
                    name={`${id}-guess`}
                    value={c.value}
                    checked={(kept ? kept.value : guess) === c.value}
                    onChange={() => setGuess(c.value)}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          )}
          <div className="predict-actions">
            {phase === 'guess' && (
              <button type="submit" className="primary">
                Lock in my guess
              </button>
            )}
            {phase === 'locked' && (
              <button type="button" className="primary" onClick={run} disabled={runId !== null}>
                {runId === null ? 'Run it and reveal' : 'Training…'}
              </button>
            )}
          </div>
        </form>
      )}
      <p
        className={
          kept?.correct == null
            ? 'predict-verdict'
            : kept.correct
              ? 'predict-verdict right'
              : 'predict-verdict wrong'
        }
        role="status"
        aria-live="polite"
      >
        {error ??
          (phase === 'locked'
            ? `Locked in: ${kept!.guess}. It cannot be changed now.`
            : phase === 'revealed'
              ? kept!.reveal
              : '')}
      </p>
    </section>
  );
}
