// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Notices } from '../../src/components/shell/Notices';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('Notices', () => {
  it('is a list of list items, each holding its alert or status (axe: a list holds only items)', () => {
    const { store } = renderWithLab(<Notices />);
    act(() => {
      store.getState().notify('error', 'The link was refused.');
      store.getState().notify('info', 'Saved.');
    });
    const list = screen.getByRole('list', { name: 'Messages' });
    const items = [...list.children];
    expect(items.map((li) => [li.tagName, li.getAttribute('role')])).toEqual([
      ['LI', null],
      ['LI', null],
    ]);
    expect(screen.getByRole('alert').textContent).toContain('The link was refused.');
    expect(screen.getByRole('status').textContent).toContain('Saved.');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
