// The web app's build (`npm run build` → apps/web/dist, served by the api at /app/). `npx vite
// apps/web` runs a development server that forwards /v1 to an api on localhost:3000.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // TanStack Query marks its hooks "use client" for server-rendering frameworks; meaningless here
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});
