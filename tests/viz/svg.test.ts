// @vitest-environment jsdom
import { select } from 'd3-selection';
import { describe, expect, test } from 'vitest';
import { setAttrIfChanged } from '../../src/viz/svg';

/** Two circles in an SVG, and the attribute writes made to them from now on. */
function circles() {
  const svg = select(document.body).append('svg');
  const nodes = svg.selectAll<SVGCircleElement, number>('circle').data([0, 1]).join('circle');
  const writes: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) writes.push(r.attributeName!);
  });
  observer.observe(svg.node()!, { attributes: true, subtree: true });
  const flush = () => {
    for (const r of observer.takeRecords()) writes.push(r.attributeName!);
    return writes;
  };
  return { nodes, flush, done: () => (observer.disconnect(), svg.remove()) };
}

describe('setAttrIfChanged: an SVG attribute is written only when its value changes', () => {
  test('writes a new value, skips the same one, on every node of the selection', () => {
    const { nodes, flush, done } = circles();
    setAttrIfChanged(nodes, 'display', 'none');
    expect(flush()).toEqual(['display', 'display']);
    setAttrIfChanged(nodes, 'display', 'none');
    expect(flush()).toHaveLength(2);
    expect(nodes.nodes().map((n) => n.getAttribute('display'))).toEqual(['none', 'none']);
    done();
  });

  test('numbers compare as the text the attribute holds; null removes the attribute', () => {
    const { nodes, flush, done } = circles();
    nodes.attr('opacity', '1');
    flush().length = 0;
    setAttrIfChanged(nodes, 'opacity', 1);
    expect(flush()).toEqual([]);
    setAttrIfChanged(nodes, 'opacity', null);
    expect(nodes.nodes().every((n) => !n.hasAttribute('opacity'))).toBe(true);
    expect(flush()).toEqual(['opacity', 'opacity']);
    setAttrIfChanged(nodes, 'opacity', null);
    expect(flush()).toHaveLength(2);
    done();
  });
});
