/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import postcssPresetMantine from 'postcss-preset-mantine';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.MASAR_API_URL ?? 'http://127.0.0.1:3000';

/** Paths the API answers (the SPA's own pages live under /, /status, /login, /app and /my). */
const API_PREFIXES = ['/auth', '/admin', '/applications', '/applicants', '/work-queue', '/workflows', '/documents', '/me', '/offices', '/audit', '/reports', '/supervision', '/letters', '/health', '/docs', '/docs-json'];

export default defineConfig({
  root: here,
  // Vite 8 compiles TSX with oxc; @vitejs/plugin-react is not needed for the automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; a client-only bundle ignores it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: {
      ...Object.fromEntries(API_PREFIXES.map((p) => [p, { target: api, changeOrigin: false }])),
      // GET /status is the applicant's page; POST /status is the API.
      '/status': {
        target: api,
        bypass: (req) => (req.method === 'GET' ? '/index.html' : undefined),
      },
    },
  },
  test: {
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Rendering a whole page in jsdom takes ~0.5 s on a quiet machine and several seconds on a loaded shared one;
    // the 5 s default turned a slow machine into failures that say nothing about the page.
    testTimeout: 30_000,
  },
});
