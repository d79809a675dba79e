import type { ReactNode } from 'react';
import { lessonTarget, type LessonTarget } from '../lesson/targets';

/** Props of a slider over a list of stops: its value is a stop's index, 0 … `count` − 1. */
export interface StopSliderProps {
  /** The range input's id: the label and the readout point at it. */
  id: string;
  /** Visible label and accessible name, e.g. "Speed". */
  label: string;
  /** How many stops there are. */
  count: number;
  /** The index of the stop shown. */
  index: number;
  /** What the slider announces for that stop (`aria-valuetext`). */
  valueText: string;
  /** What the readout beside the label shows. */
  readout: ReactNode;
  /**
   * When the readout is a short form of `valueText` (e.g. "10/s"): the long form as its tooltip,
   * and the readout is hidden from screen readers, which read `valueText` already.
   */
  readoutTitle?: string;
  /** Applies the stop at index `i`. */
  onIndex: (i: number) => void;
  /** Marks the slider as a control the guided lesson can highlight. */
  target?: LessonTarget;
}

/**
 * A labelled range input that steps through a list (speeds, frames), with a readout of the
 * current stop beside the label; the keyboard moves one stop per arrow press.
 */
export function StopSlider({
  id,
  label,
  count,
  index,
  valueText,
  readout,
  readoutTitle,
  onIndex,
  target,
}: StopSliderProps) {
  return (
    <div className="slider" {...(target ? lessonTarget(target) : {})}>
      <div className="slider-head">
        <label htmlFor={id}>{label}</label>
        <output
          htmlFor={id}
          aria-hidden={readoutTitle === undefined ? undefined : 'true'}
          title={readoutTitle}
        >
          {readout}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={count - 1}
        step={1}
        value={index}
        aria-valuetext={valueText}
        onChange={(e) => onIndex(Number(e.target.value))}
      />
    </div>
  );
}
