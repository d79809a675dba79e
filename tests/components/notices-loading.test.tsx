// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Notices } from '../../src/components/shell/Notices';
import { renderWithLab } from './lab-fixture';

afterEach(() => cleanup());

describe('Notices before the list code has loaded', () => {
  it('draws nothing while there is nothing to say, then the first notice once its code is in', async () => {
    const { store } = renderWithLab(<Notices />);
    expect(screen.queryByRole('list', { name: 'Messages' })).toBeNull();
    act(() => store.getState().notify('error', 'Alpha must be a number from 0 to 1.'));
    const list = await screen.findByRole('list', { name: 'Messages' });
    expect(list.textContent).toContain('Alpha must be a number from 0 to 1.');
  });
});
