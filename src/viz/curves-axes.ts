/**
 * The curves' frame: per panel a faint plot background, gridlines, the y axis and the title, and
 * the shared x axis (episodes) under the last panel. Axes redraw only when their domain changed.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { G } from './curves-dom';
import { count } from './curves-format';
import { PANELS } from './curves-series';
import type { PanelKey } from './learning-curves-types';
import { FONT_FAMILY } from './theme';

/** Where a panel sits: its header's baseline, and its plot's top and bottom (user units). */
export interface PanelBox {
  header: number;
  top: number;
  bottom: number;
}

/** What the frame needs to know of the chart's geometry. */
export interface CurvesFrameGeometry {
  /** The plots' left edge and width. */
  left: number;
  plotWidth: number;
  /** The last plot's bottom, where the x axis hangs. */
  plotsBottom: number;
  layout: ReadonlyMap<PanelKey, PanelBox>;
  x: ScaleLinear<number, number>;
  yScales: ReadonlyMap<PanelKey, ScaleLinear<number, number>>;
}

/** The mounted frame. */
export interface CurvesAxes {
  /** Each panel's title (the legends are laid out after it). */
  titles: ReadonlyMap<PanelKey, Selection<SVGTextElement, unknown, null, undefined>>;
  /** Redraws the axes and gridlines whose scale's domain changed since the last call. */
  draw(): void;
}

/** Mounts the panels' frames and the x axis into `svg`. */
export function createCurvesAxes(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  geo: CurvesFrameGeometry,
): CurvesAxes {
  const { left, plotWidth, plotsBottom, layout, x, yScales } = geo;
  const panels = new Map<PanelKey, { gridX: G; gridY: G; axisY: G }>();
  const titles = new Map<PanelKey, Selection<SVGTextElement, unknown, null, undefined>>();
  for (const p of PANELS) {
    const box = layout.get(p.key)!;
    const g = svg.append('g').attr('class', `curves-panel curves-panel-${p.key}`);
    g.append('rect')
      .attr('class', 'curves-plot-bg')
      .attr('x', left)
      .attr('y', box.top)
      .attr('width', plotWidth)
      .attr('height', p.height)
      .attr('fill', 'currentColor')
      .attr('fill-opacity', 0.03);
    const axisGroup = (cls: string, transform: string) =>
      g.append('g').attr('class', cls).attr('transform', transform);
    panels.set(p.key, {
      gridX: axisGroup('curves-grid curves-grid-x', `translate(0,${box.bottom})`),
      gridY: axisGroup('curves-grid curves-grid-y', `translate(${left},0)`),
      axisY: axisGroup('curves-axis curves-axis-y', `translate(${left},0)`),
    });
    titles.set(
      p.key,
      g
        .append('text')
        .attr('class', 'curves-title')
        .attr('x', 4)
        .attr('y', box.header)
        .attr('font-size', 14)
        .attr('font-weight', 700)
        .text(p.title),
    );
  }
  const axisX = svg
    .append('g')
    .attr('class', 'curves-axis curves-axis-x')
    .attr('transform', `translate(0,${plotsBottom})`);
  svg
    .append('text')
    .attr('class', 'curves-axis-label')
    .attr('x', left + plotWidth / 2)
    .attr('y', plotsBottom + 40)
    .attr('text-anchor', 'middle')
    .attr('font-size', 14)
    .attr('font-weight', 600)
    .text('Episode');

  const styleAxis = (g: G, grid: boolean) => {
    g.attr('font-size', 12.5).attr('font-family', FONT_FAMILY);
    g.select('.domain').remove();
    if (grid) {
      g.selectAll('.tick line').attr('stroke-opacity', 0.13);
      g.selectAll('.tick text').remove();
    } else {
      g.selectAll('.tick line').attr('stroke-opacity', 0.6);
      g.selectAll('.tick text').attr('fill-opacity', 0.85);
    }
  };

  // Redraws an axis and its gridlines only when its domain changed (most frames none did): the
  // x axis when the episode range grows, a panel's y axis when its values outgrow it.
  const axisKeys = new Map<string, string>();
  const domainChanged = (name: string, sc: ScaleLinear<number, number>) => {
    const key = sc.domain().join(',');
    if (axisKeys.get(name) === key) return false;
    axisKeys.set(name, key);
    return true;
  };

  return {
    titles,
    draw() {
      const xChanged = domainChanged('x', x);
      for (const p of PANELS) {
        const parts = panels.get(p.key)!;
        const ys = yScales.get(p.key)!;
        const box = layout.get(p.key)!;
        if (domainChanged(p.key, ys)) {
          const yFormat = p.key === 'success' ? format('.1f') : ys.tickFormat(p.ticks);
          parts.axisY.call(
            axisLeft<number>(ys)
              .ticks(p.ticks)
              .tickFormat((v) => yFormat(v))
              .tickSize(5)
              .tickSizeOuter(0),
          );
          styleAxis(parts.axisY, false);
          parts.gridY.call(
            axisLeft<number>(ys)
              .ticks(p.ticks)
              .tickSize(-plotWidth)
              .tickFormat(() => ''),
          );
          styleAxis(parts.gridY, true);
        }
        if (xChanged) {
          parts.gridX.call(
            axisBottom<number>(x)
              .ticks(6)
              .tickSize(-(box.bottom - box.top))
              .tickFormat(() => ''),
          );
          styleAxis(parts.gridX, true);
        }
      }
      if (!xChanged) return;
      axisX.call(
        axisBottom<number>(x)
          .ticks(6)
          .tickFormat((v) => count(v))
          .tickSize(5)
          .tickSizeOuter(0),
      );
      styleAxis(axisX, false);
    },
  };
}
