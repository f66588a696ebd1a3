import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/** The visitor widget: one self-contained script (preact + socket.io client) at web/dist/widget.js. */
export default defineConfig({
  plugins: [preact()],
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: false,
    lib: {
      entry: resolve(import.meta.dirname, "widget/main.tsx"),
      name: "BatonWidget",
      formats: ["iife"],
      fileName: () => "widget.js",
    },
  },
});
