import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the service under /app/ (src/http/miniapp-static.ts); the API is same-origin under /api/.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // DingTalk's in-app WebView on older phones: stay on widely supported syntax.
    target: 'es2020',
    // antd (admin console) is lazy-loaded into its own chunk; this warns if the doctor path grows.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
