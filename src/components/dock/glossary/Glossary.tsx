import { shallow } from 'zustand/vanilla/shallow';
import { GLOSSARY, liveTexts } from './glossary-terms';
import { useThrottledLab } from '../../hosts/useThrottledLab';

export { LIVE_TEXT_INTERVAL_MS } from '../../hosts/useThrottledLab';

/**
 * The glossary: every term of the lesson with a definition in plain words and the live number it
 * refers to (the current ε, the last TD error…). The numbers refresh at most 4 times a second.
 */
export function Glossary() {
  const texts = useThrottledLab(liveTexts, shallow);
  return (
    <aside className="panel glossary" aria-label="Glossary">
      <h2>Glossary</h2>
      <dl className="glossary-list">
        {GLOSSARY.map((t) => (
          <div key={t.id} className="glossary-entry" data-term={t.id}>
            <dt className="glossary-term">{t.name}</dt>
            <dd className="glossary-body">
              {t.formula && <p className="glossary-formula">{t.formula}</p>}
              <p className="glossary-definition">{t.definition}</p>
              <p className="glossary-live">
                <span className="glossary-live-label">{t.liveLabel}:</span>{' '}
                <span className="glossary-live-value">{texts[t.id]}</span>
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
