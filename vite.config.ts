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

// Relative base: the built app works from any sub-path of a static file server.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/unit.json' }]]
      : ['default'],
  },
});
