// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StopSlider, type StopSliderProps } from '../../src/components/shell/StopSlider';

afterEach(cleanup);

/** A slider over three paces, at the second, with `props` over those defaults. */
function renderPace(props: Partial<StopSliderProps> = {}) {
  return render(
    <StopSlider
      id="pace"
      label="Pace"
      count={3}
      index={1}
      valueText="medium pace"
      readout="2 of 3"
      onIndex={() => undefined}
      {...props}
    />,
  );
}

describe('StopSlider', () => {
  it('runs over the stops’ indices, names itself and announces the stop', () => {
    renderPace();
    const slider = screen.getByRole('slider', { name: 'Pace' });
    expect(slider.getAttribute('min')).toBe('0');
    expect(slider.getAttribute('max')).toBe('2');
    expect((slider as HTMLInputElement).value).toBe('1');
    expect(slider.getAttribute('aria-valuetext')).toBe('medium pace');
    const readout = document.querySelector('output')!;
    expect(readout.textContent).toBe('2 of 3');
    // A readout that says something the value text does not stays readable.
    expect(readout.getAttribute('aria-hidden')).toBeNull();
    expect(readout.getAttribute('title')).toBeNull();
  });

  it('hides a short readout from screen readers and shows its long form as a tooltip', () => {
    renderPace({ index: 2, valueText: 'fast pace', readout: 'fast', readoutTitle: 'fast pace' });
    const readout = document.querySelector('output')!;
    expect(readout.getAttribute('aria-hidden')).toBe('true');
    expect(readout.getAttribute('title')).toBe('fast pace');
  });

  it('hands the chosen index to onIndex and marks a lesson target', () => {
    const onIndex = vi.fn();
    const { container } = renderPace({ index: 0, onIndex, target: 'speed' });
    fireEvent.change(screen.getByRole('slider', { name: 'Pace' }), { target: { value: '2' } });
    expect(onIndex).toHaveBeenCalledWith(2);
    expect(container.querySelector('[data-lesson-target="speed"]')).not.toBeNull();
  });
});
