/**
 * Which JavaScript a built page loads before it draws: the module scripts and module preloads
 * that index.html names, and every chunk they import statically, transitively. A chunk reached
 * only through `import()` (a `React.lazy` tab) is left out: the page asks for it later. Pure
 * string work over the built files, so it is tested without a build.
 */
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';

/** A module script or module preload named by index.html, as written (e.g. `./assets/index-x.js`). */
export function entryScripts(html: string): string[] {
  const found: string[] = [];
  const scripts = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/gi;
  const preloads = /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/gi;
  for (const re of [scripts, preloads]) for (const m of html.matchAll(re)) found.push(m[1]!);
  return [...new Set(found)];
}

/**
 * The relative specifiers a chunk imports statically: `import x from "./a.js"`, `import "./a.js"`,
 * `export * from "./a.js"` (any of the three quotes). `import("./a.js")` is dynamic and skipped.
 */
export function staticImports(code: string): string[] {
  const re = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
  return [...new Set([...code.matchAll(re)].map((m) => m[2]!))];
}

/** One chunk loaded before the first draw, with its size in bytes raw and gzipped. */
export interface ChunkSize {
  /** Path relative to the build folder, e.g. `assets/index-x.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The chunks index.html loads before any lazy one, each once, in the order they are reached.
 * `read` returns a file of the build folder by its relative path.
 */
export function initialChunks(html: string, read: (file: string) => string): ChunkSize[] {
  const seen = new Set<string>();
  const out: ChunkSize[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(file);
    out.push({ file, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length });
    for (const spec of staticImports(code)) visit(posix.join(posix.dirname(file), spec));
  };
  for (const src of entryScripts(html)) visit(posix.normalize(src.replace(/^\//, '')));
  return out;
}
