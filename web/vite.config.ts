import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/** The demo page, the agent console and the admin/dashboard: one multi-page build into web/dist. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [preact()],
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: false,
    rollupOptions: {
      input: {
        demo: resolve(import.meta.dirname, "index.html"),
        console: resolve(import.meta.dirname, "console/index.html"),
        admin: resolve(import.meta.dirname, "admin/index.html"),
      },
    },
  },
});
