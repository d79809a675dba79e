/**
 * A drawn SVG as a file: a standalone SVG document, or a PNG.
 *
 * The page paints its SVGs partly through CSS (classes, `currentColor`, `var(--panel)` in inline
 * styles, the page's font), which a file opened on its own does not have. So the export clones the
 * SVG and writes on every element, as an inline style, the computed values of the properties that
 * decide how SVG paints (`EXPORTED_PROPERTIES`): the file looks like the page, in light or dark.
 * A property is written on the root, and on a child only where it differs from the parent's
 * computed value (inherited properties) or from its initial value (the others), so the file stays
 * small. A rectangle of the page's background colour goes under everything, so text painted in
 * the page's ink stays readable in any viewer.
 *
 * PNG: the SVG text is loaded into an `<img>` from a `blob:` URL and drawn on a canvas at
 * `scale` pixels per CSS pixel. Built with DOM calls and `XMLSerializer` only: no `innerHTML`,
 * no markup assembled from data. No React, no store: plain elements in, `Blob`s out.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Inherited properties that decide how SVG paints text and shapes. */
const INHERITED_PROPERTIES = [
  'color',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-numeric',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'shape-rendering',
] as const;

/** Properties that are not inherited, with the initial value that need not be written. */
const OWN_PROPERTIES: Readonly<Record<string, string>> = {
  opacity: '1',
  'stop-color': 'rgb(0, 0, 0)',
  'stop-opacity': '1',
  'mix-blend-mode': 'normal',
  'vector-effect': 'none',
};

/** Every property the export writes from the computed style. */
export const EXPORTED_PROPERTIES: readonly string[] = [
  ...INHERITED_PROPERTIES,
  ...Object.keys(OWN_PROPERTIES),
];

/** Layout-only properties of the page's root `<svg>` (width 100%, …): meaningless in a file. */
const ROOT_LAYOUT_PROPERTIES = [
  'display',
  'width',
  'height',
  'max-width',
  'max-height',
  'user-select',
  'touch-action',
  'cursor',
];

/** Size of an SVG when nothing else gives one (the CSS default of a replaced element). */
export const FALLBACK_SIZE = { width: 300, height: 150 } as const;

/** Largest canvas the PNG export draws (pixels): under every browser's limit. */
export const MAX_CANVAS_PIXELS = 4096 * 4096;
/** Longest canvas side the PNG export draws (pixels). */
export const MAX_CANVAS_SIDE = 8192;

/** A box in user units. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Options of the export. */
export interface SvgExportOptions {
  /**
   * Colour under the drawing: by default the first opaque background colour among the SVG's
   * ancestors (white when none); `null` for none (transparent).
   */
  background?: string | null;
}

/** A standalone SVG document and its size in CSS pixels. */
export interface SerializedSvg {
  /** The document's text, an XML declaration first. */
  text: string;
  width: number;
  height: number;
}

const positive = (x: number) => Number.isFinite(x) && x > 0;

/** The `viewBox` attribute as numbers, or null when absent or degenerate. */
export function parseViewBox(value: string | null): ViewBox | null {
  if (!value) return null;
  const parts = value
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [x, y, width, height] = parts as [number, number, number, number];
  return positive(width) && positive(height) ? { x, y, width, height } : null;
}

/** A length attribute in CSS pixels (`"640"`, `"640px"`), or NaN (`"100%"`, absent). */
function pixelLength(value: string | null): number {
  const m = /^\s*([\d.]+)(px)?\s*$/.exec(value ?? '');
  return m ? Number(m[1]) : NaN;
}

/**
 * The export's size in CSS pixels: the width the page draws it at, the height from the viewBox's
 * aspect ratio (so the file is not letterboxed); else the viewBox's size, the width and height
 * attributes, and finally `FALLBACK_SIZE`. Always finite and positive.
 */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = parseViewBox(svg.getAttribute('viewBox'));
  const rect = svg.getBoundingClientRect();
  if (box) {
    const width = positive(rect.width) ? rect.width : box.width;
    return { width, height: (width * box.height) / box.width };
  }
  if (positive(rect.width) && positive(rect.height))
    return { width: rect.width, height: rect.height };
  const w = pixelLength(svg.getAttribute('width'));
  const h = pixelLength(svg.getAttribute('height'));
  return positive(w) && positive(h) ? { width: w, height: h } : { ...FALLBACK_SIZE };
}

/** True for `transparent` and any colour with zero alpha. */
function isTransparent(colour: string): boolean {
  const c = colour.replace(/\s+/g, '');
  return c === '' || c === 'transparent' || /^rgba\(.*,0(\.0*)?\)$/.test(c);
}

/** The first opaque background colour of the element or an ancestor, or `null`. */
export function backgroundOf(element: Element): string | null {
  const view = element.ownerDocument.defaultView;
  if (!view) return null;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const bg = view.getComputedStyle(el).getPropertyValue('background-color');
    if (!isTransparent(bg)) return bg;
  }
  return null;
}

/** The computed value of a property, trimmed ('' when the engine does not compute it). */
const computed = (style: CSSStyleDeclaration, prop: string) => style.getPropertyValue(prop).trim();

/**
 * Writes the paint-relevant computed style of `source` and its descendants onto `clone` (a deep
 * clone of it, walked in the same order) as inline styles, resolving classes, `currentColor` and
 * CSS variables. Inline declarations still holding a `var(…)` are resolved or dropped.
 */
export function inlineComputedStyles(source: Element, clone: Element): void {
  const view = source.ownerDocument.defaultView;
  if (!view) return;
  const sources = [source, ...source.querySelectorAll('*')];
  const clones = [clone, ...clone.querySelectorAll('*')];
  if (sources.length !== clones.length) throw new Error('The clone does not match its source.');
  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (el: Element) => {
    let s = styles.get(el);
    if (!s) styles.set(el, (s = view.getComputedStyle(el)));
    return s;
  };
  sources.forEach((src, i) => {
    const out = clones[i] as SVGElement | HTMLElement;
    if (!('style' in out)) return;
    const style = styleOf(src);
    const parent = src === source ? null : src.parentElement;
    const parentStyle = parent ? styleOf(parent) : null;
    for (const prop of INHERITED_PROPERTIES) {
      const value = computed(style, prop);
      if (value === '') continue;
      if (parentStyle && computed(parentStyle, prop) === value && !out.style.getPropertyValue(prop))
        continue;
      out.style.setProperty(prop, value);
    }
    for (const [prop, initial] of Object.entries(OWN_PROPERTIES)) {
      const value = computed(style, prop);
      if (value !== '' && value !== initial) out.style.setProperty(prop, value);
    }
    // What is left of the page's inline styles must not depend on the page's variables.
    for (const prop of Array.from(out.style)) {
      if (!out.style.getPropertyValue(prop).includes('var(')) continue;
      const value = computed(style, prop);
      if (value !== '' && !value.includes('var(')) out.style.setProperty(prop, value);
      else out.style.removeProperty(prop);
    }
    if (out.style.length === 0) out.removeAttribute('style');
  });
}

/** Drops what a standalone image must not carry: scripts, foreign HTML, NaN attributes. */
function scrub(root: Element): void {
  for (const el of root.querySelectorAll('script, foreignObject')) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of Array.from(el.attributes)) {
      // A renderer's degenerate value (`x="NaN"`) would make viewers complain: leave it out.
      if (/\bNaN\b/.test(attr.value) || /^on/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The SVG as a standalone document: computed styles inlined, explicit width, height and viewBox,
 * the background under everything. The page's SVG is not changed.
 */
export function serializeSvg(svg: SVGSVGElement, options: SvgExportOptions = {}): SerializedSvg {
  const { width, height } = svgSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, clone);
  scrub(clone);
  for (const prop of ROOT_LAYOUT_PROPERTIES) clone.style.removeProperty(prop);
  if (clone.style.length === 0) clone.removeAttribute('style');

  const box = parseViewBox(svg.getAttribute('viewBox')) ?? { x: 0, y: 0, width, height };
  clone.setAttribute('viewBox', [box.x, box.y, box.width, box.height].map(round).join(' '));
  clone.setAttribute('width', String(round(width)));
  clone.setAttribute('height', String(round(height)));
  // No `xmlns` attribute: the serializer declares the SVG namespace itself (a second one would
  // make the file invalid).

  const background = options.background === undefined ? backgroundOf(svg) : options.background;
  if (background) {
    const rect = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', String(round(box.x)));
    rect.setAttribute('y', String(round(box.y)));
    rect.setAttribute('width', String(round(box.width)));
    rect.setAttribute('height', String(round(box.height)));
    rect.setAttribute('fill', background);
    rect.setAttribute('class', 'export-background');
    clone.insertBefore(rect, clone.firstChild);
  }

  const text =
    '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
  return { text, width, height };
}

/** The SVG as an `image/svg+xml` file. */
export function svgBlob(svg: SVGSVGElement, options: SvgExportOptions = {}): Blob {
  return new Blob([serializeSvg(svg, options).text], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * Canvas size for a drawing of `width × height` CSS pixels at `scale` pixels per CSS pixel,
 * lowering the scale so the canvas stays within `MAX_CANVAS_SIDE` and `MAX_CANVAS_PIXELS`.
 * At least 1 × 1.
 */
export function pngSize(
  width: number,
  height: number,
  scale: number,
): { width: number; height: number; scale: number } {
  const w = positive(width) ? width : FALLBACK_SIZE.width;
  const h = positive(height) ? height : FALLBACK_SIZE.height;
  let k = positive(scale) ? scale : 1;
  k = Math.min(k, MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h, Math.sqrt(MAX_CANVAS_PIXELS / (w * h)));
  return {
    width: Math.max(1, Math.floor(w * k)),
    height: Math.max(1, Math.floor(h * k)),
    scale: k,
  };
}

/** Options of the PNG export. */
export interface PngExportOptions extends SvgExportOptions {
  /** Pixels per CSS pixel. Default 2: sharp on a projector and a high-density screen. */
  scale?: number;
}

/** Loads an image and waits until it can be drawn. */
function loadImage(url: string, doc: Document): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = doc.createElement('img');
    img.decoding = 'async';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The image could not be drawn.'));
    img.src = url;
  });
}

/**
 * The SVG as a PNG: the standalone SVG (`serializeSvg`) drawn on a canvas through an `<img>`.
 * Rejects when the browser cannot draw it.
 */
export async function svgToPng(svg: SVGSVGElement, options: PngExportOptions = {}): Promise<Blob> {
  const doc = svg.ownerDocument;
  const { text, width, height } = serializeSvg(svg, options);
  const size = pngSize(width, height, options.scale ?? 2);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url, doc);
    const canvas = doc.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a canvas.');
    ctx.drawImage(img, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
