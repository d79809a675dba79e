import { useId, useState } from 'react';
import type { LabStore } from '../../store/lab-store';
import { worksheetStore, type WorksheetStore } from '../../store/worksheet-store';
import type { Chapter } from './chapters';
import { checkAnswer, makeQuestion, type Question, type Verdict } from './questions';

/**
 * "Check your understanding": a question from the live run, its answer checked against it; each
 * checked answer goes into the worksheet.
 */
export function CheckQuestion({
  store,
  chapter,
  kind,
  worksheet = worksheetStore,
}: {
  store: LabStore;
  chapter: Chapter;
  kind: NonNullable<Chapter['question']>;
  /** Where checked answers are kept (the page's worksheet unless a test gives one). */
  worksheet?: WorksheetStore;
}) {
  const id = useId();
  const [question, setQuestion] = useState<Question | string | null>(null);
  const [answer, setAnswer] = useState('');
  const [verdict, setVerdict] = useState<Verdict | string | null>(null);

  const ask = () => {
    const lab = store.getState();
    setQuestion(
      makeQuestion(kind, {
        snapshot: lab.snapshot,
        settings: lab.settings,
        epsilon: lab.epsilon,
        params: lab.params,
        cell: chapter.setup.cell,
      }),
    );
    setAnswer('');
    setVerdict(null);
  };

  const check = () => {
    if (question === null || typeof question === 'string') return;
    const result = checkAnswer(question, answer);
    setVerdict(result);
    if (typeof result === 'string') return;
    const label =
      question.format === 'choice'
        ? (question.choices.find((c) => c.value === answer)?.label ?? answer)
        : answer.trim();
    worksheet.getState().recordAnswer({
      chapter: chapter.title,
      prompt: question.prompt,
      answer: label,
      correct: result.correct,
      explanation: result.text,
    });
  };

  return (
    <section className="lesson-check" aria-labelledby={`${id}-head`}>
      <h4 id={`${id}-head`}>Check your understanding</h4>
      {question === null && (
        <button type="button" onClick={ask}>
          Ask me
        </button>
      )}
      {typeof question === 'string' && (
        <>
          <p className="hint">{question}</p>
          <button type="button" onClick={ask}>
            Ask again
          </button>
        </>
      )}
      {question !== null && typeof question !== 'string' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            check();
          }}
        >
          <p className="lesson-question" id={`${id}-prompt`}>
            {question.prompt}
          </p>
          {question.format === 'choice' ? (
            <fieldset className="lesson-choices">
              <legend>Your answer</legend>
              {question.choices.map((c) => (
                <label key={c.value}>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={c.value}
                    checked={answer === c.value}
                    onChange={() => setAnswer(c.value)}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          ) : (
            <label className="inline-field">
              Your answer
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                aria-describedby={`${id}-prompt`}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
              />
            </label>
          )}
          <div className="lesson-check-actions">
            <button type="submit" className="primary">
              Check
            </button>
            <button type="button" onClick={ask}>
              New question
            </button>
          </div>
        </form>
      )}
      <p
        className={
          verdict === null || typeof verdict === 'string'
            ? 'lesson-verdict'
            : verdict.correct
              ? 'lesson-verdict right'
              : 'lesson-verdict wrong'
        }
        role="status"
        aria-live="polite"
      >
        {verdict === null ? '' : typeof verdict === 'string' ? verdict : verdict.text}
      </p>
    </section>
  );
}
