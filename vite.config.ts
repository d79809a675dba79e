/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built page's Content-Security-Policy: scripts and workers only from the page's own origin,
 * no inline script, no remote origin. Added at build time only, because the dev server injects
 * an inline script of its own (React Fast Refresh).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The mode of the single-file build (`npm run build:single`, see scripts/build-single.ts). Its page
 * inlines its script and style, so it writes its own policy with their hashes instead of this one;
 * `src/app/create-worker.ts` starts the inlined worker when `import.meta.env.MODE` is this.
 */
export const SINGLE_FILE_MODE = 'single';

function contentSecurityPolicy(): Plugin {
  return {
    name: 'ice-maze-csp',
    apply: (_config, env) => env.command === 'build' && env.mode !== SINGLE_FILE_MODE,
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * d3-scale-chromatic builds every one of its schemes and ramps when it loads
 * (`new Array(3).concat(…).map(colors)`, `ramp(colors(…))`): calls a bundler cannot know are
 * pure, so using one ramp kept them all. Marked pure here, tree-shaking keeps only the ramps the
 * lab uses (RdBu, PuOr, Purples, viridis, cividis), about 5 KB gzipped less before the first draw.
 */
function pureColorRamps(): Plugin {
  const pure = (code: string, before: string) =>
    code.replaceAll(`= ${before}`, `= /*#__PURE__*/ ${before}`);
  return {
    name: 'ice-maze-pure-color-ramps',
    transform(code, id) {
      if (!id.includes('/d3-scale-chromatic/')) return null;
      let out = code
        .replaceAll('= new Array(3).concat(\n', '= /*#__PURE__*/ (() => new Array(3).concat(\n')
        .replaceAll('\n).map(colors);', '\n).map(colors))();');
      for (const call of [
        'colors(',
        'ramp$1(',
        'ramp(',
        'interpolateCubehelixLong(',
        'cubehelix$1(',
        'rgb(',
      ])
        out = pure(out, call);
      out = out
        .replaceAll('(cubehelix$1(', '(/*#__PURE__*/ cubehelix$1(')
        .replaceAll(', cubehelix$1(', ', /*#__PURE__*/ cubehelix$1(');
      return { code: out, map: null };
    },
  };
}

/**
 * One chunk for everything the page loads before its first draw. The bundler otherwise cuts the
 * modules that the entry shares with lazy tabs into a dozen small chunks, each gzipped apart
 * (about 5 KB more in all). This plugin collects the modules the entry reaches by static imports
 * once the module graph is built, and `codeSplitting` below puts exactly those in one chunk;
 * what only a lazy tab or a dynamic import reaches stays in chunks of its own.
 */
function initialChunk(): { plugin: Plugin; test: (id: string) => boolean } {
  const initial = new Set<string>();
  const plugin: Plugin = {
    name: 'ice-maze-initial-chunk',
    apply: 'build',
    buildEnd() {
      initial.clear();
      const stack = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (initial.has(id)) continue;
        initial.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, test: (id) => initial.has(id) };
}

const firstDraw = initialChunk();

// Relative base: the built app works from any sub-path of a static file server.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), pureColorRamps(), firstDraw.plugin],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // No module preloading: the first draw is one chunk (above), so there is nothing to preload
    // beside it, and a lazily loaded tab then fetches its chunks as it imports them instead of
    // all at once. That costs a tab's first opening a round trip or two on the classroom's network,
    // and saves the first download the list of every lazy chunk's dependencies (0.9 KB gzipped).
    modulePreload: false,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'index', test: firstDraw.test }] } },
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/unit.json' }]]
      : ['default'],
  },
});
