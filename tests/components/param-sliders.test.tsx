// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ParamSliders } from '../../src/components/shell/ParamSliders';
import { LESSON_PARAMS } from '../../src/rl/params';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('the ε sliders set what their labels say', () => {
  it('"Exploration ε" sets the current ε, and the next update explores with it; the floor stays', () => {
    const { store, worker } = renderWithLab(<ParamSliders />);
    fireEvent.change(screen.getByRole('slider', { name: 'Exploration ε' }), {
      target: { value: '0.3' },
    });
    expect(store.getState().epsilon).toBe(0.3);
    expect(store.getState().params.minEpsilon).toBe(LESSON_PARAMS.minEpsilon);
    expect(worker.sent.at(-1)).toMatchObject({ type: 'set-params', params: { epsilon: 0.3 } });
    act(() => {
      store.getState().step();
      store.getState().snapshotDrawn();
    });
    // The step chose with ε = 0.3 and then decayed it by the lesson's 0.0001: 0.2999.
    const last = store.getState().snapshot!.last!;
    expect(last.epsilon).toBe(0.3);
    expect(last.epsilonAfter).toBe(0.3 - LESSON_PARAMS.epsilonDecay);
    expect(screen.getByRole('slider', { name: 'Exploration ε' })).toHaveProperty(
      'ariaValueText',
      '0.300',
    );
  });

  it('"Minimum ε" sets the floor, not the current ε', () => {
    const { store } = renderWithLab(<ParamSliders />);
    fireEvent.change(screen.getByRole('slider', { name: 'Minimum ε' }), {
      target: { value: '0.2' },
    });
    expect(store.getState().params.minEpsilon).toBe(0.2);
    expect(store.getState().epsilon).toBe(LESSON_PARAMS.epsilon);
  });

  it('"ε decay" sets the decay; its exact field takes a typed value on Enter', async () => {
    const { store } = renderWithLab(<ParamSliders />);
    const user = userEvent.setup();
    const field = screen.getByRole('spinbutton', { name: 'ε decay, exact value' });
    await user.clear(field);
    await user.type(field, '0.0005{Enter}');
    expect(store.getState().params.epsilonDecay).toBe(0.0005);
    expect(store.getState().params.minEpsilon).toBe(LESSON_PARAMS.minEpsilon);
    expect(store.getState().epsilon).toBe(LESSON_PARAMS.epsilon);
  });

  it('the exact ε field: 0.75 typed sets ε to 0.75', async () => {
    const { store } = renderWithLab(<ParamSliders />);
    const user = userEvent.setup();
    const field = screen.getByRole('spinbutton', { name: 'Exploration ε, exact value' });
    await user.clear(field);
    await user.type(field, '0.75{Enter}');
    expect(store.getState().epsilon).toBe(0.75);
    expect(store.getState().params.minEpsilon).toBe(LESSON_PARAMS.minEpsilon);
  });
});
