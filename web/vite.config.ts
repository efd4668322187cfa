/** The dashboard's build: web/ → dist/web, served by `shopfloor serve` beside the API. */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev:web` next to `shopfloor serve --port 4317`: the API answers from the server.
    proxy: { "/api": "http://127.0.0.1:4317" },
  },
});
