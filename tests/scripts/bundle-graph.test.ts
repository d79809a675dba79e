import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { entryScripts, initialChunks, staticImports } from '../../scripts/bundle-graph';

describe('bundle-graph: the JavaScript a built page loads before it draws', () => {
  it('reads the module scripts and module preloads of index.html, not classic scripts', () => {
    const html = `<script type="module" crossorigin src="./assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/react-b.js">
      <script src="./legacy.js"></script>`;
    expect(entryScripts(html)).toEqual(['./assets/index-a.js', './assets/react-b.js']);
  });

  it('follows static imports and re-exports in any quote, skips import()', () => {
    const code =
      'import{a as b}from"./react-b.js";import"./side.js";export*from`./more.js`;' +
      'const t=()=>import("./tab-curves.js");import {x} from \'../up.js\'';
    expect(staticImports(code)).toEqual(['./react-b.js', './side.js', './more.js', '../up.js']);
  });

  it('counts each chunk once, transitively, and leaves lazy chunks out', () => {
    const files: Record<string, string> = {
      'assets/index-a.js': 'import"./react-b.js";import"./d3-c.js";()=>import("./lazy-d.js")',
      'assets/react-b.js': 'import"./d3-c.js";' + 'x'.repeat(500),
      'assets/d3-c.js': 'export const y=1',
      'assets/lazy-d.js': 'never read',
    };
    const html = '<script type="module" src="./assets/index-a.js"></script>';
    const chunks = initialChunks(html, (f) => files[f]!);
    expect(chunks.map((c) => c.file)).toEqual([
      'assets/index-a.js',
      'assets/react-b.js',
      'assets/d3-c.js',
    ]);
    expect(chunks[1]!.bytes).toBe(files['assets/react-b.js']!.length);
    expect(chunks[1]!.gzipBytes).toBe(gzipSync(files['assets/react-b.js']!).length);
  });
});
