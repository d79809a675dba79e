// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  FALLBACK_SIZE,
  MAX_CANVAS_PIXELS,
  MAX_CANVAS_SIDE,
  parseViewBox,
  pngSize,
  serializeSvg,
  svgBlob,
  svgSize,
} from '../../src/viz/export-image';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an element with attributes (no innerHTML). */
function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent?.append(node);
  return node;
}

/**
 * A page like the app's: a stylesheet paints by class, a host with a background, and an SVG with
 * a viewBox, layout styles on the root, a class-painted rect, a rect styled with a CSS variable,
 * and a text.
 */
function mountFixture(): { host: HTMLDivElement; svg: SVGSVGElement; cell: SVGRectElement } {
  const sheet = document.createElement('style');
  sheet.textContent =
    '.cell { fill: rgb(10, 20, 30); stroke-width: 3px; } .label { font-size: 14px; }';
  document.head.append(sheet);
  const host = document.createElement('div');
  host.className = 'grid-host';
  host.style.backgroundColor = 'rgb(250, 251, 252)';
  document.body.append(host);
  const svg = el('svg', { viewBox: '0 0 200 100', role: 'img', 'aria-label': 'Ice Maze 1 by 2' });
  svg.style.setProperty('display', 'block');
  svg.style.setProperty('width', '100%');
  svg.style.setProperty('max-height', '100%');
  host.append(svg);
  const g = el('g', { class: 'board', transform: 'translate(10,10)' }, svg);
  const cell = el(
    'rect',
    { class: 'cell', x: '0', y: '0', width: '80', height: '80', rx: '4', 'data-state': '0' },
    g,
  );
  const halo = el('rect', { x: '100', y: '0', width: '80', height: '80', 'data-state': '1' }, g);
  halo.style.setProperty('stroke', 'var(--panel, #ffffff)');
  const text = el('text', { class: 'label', x: '40', y: '40', 'text-anchor': 'middle' }, g);
  text.textContent = 'S < 0.5 & "G"';
  return { host, svg, cell };
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

/** The exported text parsed back as an SVG document. */
function parse(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc.documentElement as unknown as SVGSVGElement;
}

describe('serializeSvg', () => {
  it('writes a standalone SVG document: xmlns, viewBox, width and height, no NaN', () => {
    const { svg } = mountFixture();
    const { text, width, height } = serializeSvg(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    // jsdom lays nothing out: the size comes from the viewBox.
    expect({ width, height }).toEqual({ width: 200, height: 100 });
    const root = parse(text);
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('viewBox')).toBe('0 0 200 100');
    expect(root.getAttribute('width')).toBe('200');
    expect(root.getAttribute('height')).toBe('100');
    expect(root.getAttribute('aria-label')).toBe('Ice Maze 1 by 2');
  });

  it('keeps every attribute of the drawing and escapes text', () => {
    const { svg } = mountFixture();
    const root = parse(serializeSvg(svg).text);
    const cell = root.querySelector('rect[data-state="0"]')!;
    expect(cell.getAttribute('x')).toBe('0');
    expect(cell.getAttribute('width')).toBe('80');
    expect(cell.getAttribute('rx')).toBe('4');
    expect(cell.getAttribute('class')).toBe('cell');
    expect(root.querySelector('g')!.getAttribute('transform')).toBe('translate(10,10)');
    expect(root.querySelector('text')!.getAttribute('text-anchor')).toBe('middle');
    expect(root.querySelector('text')!.textContent).toBe('S < 0.5 & "G"');
  });

  it('inlines the stylesheet’s computed paint on the element it applies to', () => {
    const { svg } = mountFixture();
    const root = parse(serializeSvg(svg).text);
    const cell = root.querySelector<SVGRectElement>('rect[data-state="0"]')!;
    expect(cell.style.getPropertyValue('fill')).toBe('rgb(10, 20, 30)');
    expect(cell.style.getPropertyValue('stroke-width')).toBe('3px');
    expect(root.querySelector<SVGTextElement>('text')!.style.getPropertyValue('font-size')).toBe(
      '14px',
    );
  });

  it('resolves or drops CSS variables and the root’s page-layout styles', () => {
    const { svg } = mountFixture();
    const { text } = serializeSvg(svg);
    expect(text).not.toContain('var(');
    const root = parse(text);
    expect(root.style.getPropertyValue('width')).toBe('');
    expect(root.style.getPropertyValue('max-height')).toBe('');
    expect(root.style.getPropertyValue('display')).toBe('');
  });

  it('puts the host’s background under the drawing, or none when asked', () => {
    const { svg } = mountFixture();
    const root = parse(serializeSvg(svg).text);
    const bg = root.firstElementChild!;
    expect(bg.tagName).toBe('rect');
    expect(bg.getAttribute('fill')).toBe('rgb(250, 251, 252)');
    expect(['x', 'y', 'width', 'height'].map((a) => bg.getAttribute(a))).toEqual([
      '0',
      '0',
      '200',
      '100',
    ]);
    const bare = parse(serializeSvg(svg, { background: null }).text);
    expect(bare.querySelector('.export-background')).toBeNull();
    const chosen = parse(serializeSvg(svg, { background: '#000000' }).text);
    expect(chosen.firstElementChild!.getAttribute('fill')).toBe('#000000');
  });

  it('leaves the page’s SVG unchanged', () => {
    const { svg } = mountFixture();
    const before = svg.outerHTML;
    serializeSvg(svg);
    expect(svg.outerHTML).toBe(before);
  });

  it('drops NaN attributes, scripts and event handlers from the file', () => {
    const { svg, cell } = mountFixture();
    cell.setAttribute('y', 'NaN');
    cell.setAttribute('onclick', 'alert(1)');
    el('script', {}, svg).textContent = 'alert(1)';
    const { text } = serializeSvg(svg);
    expect(text).not.toMatch(/NaN|alert|script|onclick/);
    expect(parse(text).querySelector('rect[data-state="0"]')!.getAttribute('x')).toBe('0');
    // The page keeps what it had.
    expect(cell.getAttribute('y')).toBe('NaN');
  });

  it('gives an SVG without viewBox or size a finite fallback size and viewBox', () => {
    const svg = el('svg');
    document.body.append(svg);
    el('circle', { cx: '5', cy: '5', r: '4' }, svg);
    const { text, width, height } = serializeSvg(svg);
    expect({ width, height }).toEqual(FALLBACK_SIZE);
    expect(text).not.toContain('NaN');
    expect(parse(text).getAttribute('viewBox')).toBe('0 0 300 150');
  });
});

describe('svgBlob', () => {
  it('is an image/svg+xml file', () => {
    const { svg } = mountFixture();
    expect(svgBlob(svg).type).toBe('image/svg+xml;charset=utf-8');
    expect(svgBlob(svg).size).toBeGreaterThan(200);
  });
});

describe('svgSize and parseViewBox', () => {
  it('reads the viewBox, and refuses a degenerate one', () => {
    expect(parseViewBox('0 0 640 480')).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(parseViewBox('-5,-5, 10,20')).toEqual({ x: -5, y: -5, width: 10, height: 20 });
    expect(parseViewBox('0 0 0 100')).toBeNull();
    expect(parseViewBox('0 0 NaN 100')).toBeNull();
    expect(parseViewBox('0 0 100')).toBeNull();
    expect(parseViewBox(null)).toBeNull();
  });

  it('falls back from the viewBox to the width and height attributes to 300 × 150', () => {
    const svg = el('svg', { width: '64px', height: '32' });
    expect(svgSize(svg)).toEqual({ width: 64, height: 32 });
    svg.setAttribute('width', '100%');
    expect(svgSize(svg)).toEqual(FALLBACK_SIZE);
    svg.setAttribute('viewBox', '0 0 30 10');
    expect(svgSize(svg)).toEqual({ width: 30, height: 10 });
  });

  it('takes the drawn width and the viewBox’s aspect ratio when laid out', () => {
    const svg = el('svg', { viewBox: '0 0 30 10' });
    svg.getBoundingClientRect = () => ({ width: 600, height: 999 }) as DOMRect;
    expect(svgSize(svg)).toEqual({ width: 600, height: 200 });
  });
});

describe('pngSize', () => {
  it('scales the CSS size by the pixel ratio', () => {
    expect(pngSize(200, 100, 2)).toEqual({ width: 400, height: 200, scale: 2 });
  });

  it('lowers the scale to stay within the canvas limits', () => {
    const wide = pngSize(20_000, 100, 2);
    expect(wide.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    const big = pngSize(5000, 5000, 2);
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(big.width).toBe(big.height);
  });

  it('never returns NaN or an empty canvas', () => {
    for (const [w, h, k] of [
      [NaN, 100, 2],
      [0, 0, 0],
      [100, 100, NaN],
      [0.1, 0.1, 1],
    ] as const) {
      const size = pngSize(w, h, k);
      expect(Number.isFinite(size.width) && size.width >= 1).toBe(true);
      expect(Number.isFinite(size.height) && size.height >= 1).toBe(true);
      expect(Number.isFinite(size.scale)).toBe(true);
    }
  });
});
