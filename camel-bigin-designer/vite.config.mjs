import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'vite';

// Kaoto's package exports only its public API; the Design page and the providers an app composes it with are deeper
// in lib/esm: '@kaoto/kaoto-esm/…' reaches them past the exports map.
const kaotoEsm = fileURLToPath(new URL('./node_modules/@kaoto/kaoto/lib/esm/', import.meta.url));
// its stylesheets import PatternFly the webpack way ('~@patternfly/…'): from node_modules
const nodeModules = pathToFileURL(fileURLToPath(new URL('./node_modules/', import.meta.url)));
const tildeImporter = {
  findFileUrl: (url) => (url.startsWith('~') ? new URL(url.substring(1), nodeModules.href + '/') : null),
};

export default defineConfig({
  base: './',
  resolve: {
    alias: [{ find: /^@kaoto\/kaoto-esm\/(.*)$/, replacement: `${kaotoEsm}$1` }],
  },
  css: { preprocessorOptions: { scss: { api: 'modern-compiler', importers: [tildeImporter] } } },
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 30000, sourcemap: false },
  logLevel: 'warn',
});
