import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built by `npm run build` (root: web/) into dist/web, which the service serves at /console.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The service's CSP allows scripts from 'self' only: no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // React and the client in one cacheable chunk; Ant Design and ECharts go with the pages that use them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite web` while `npm start` runs: everything but the console itself goes to the service.
    proxy: { '^/(?!console)': 'http://localhost:3000' },
  },
});
