/** A text progress bar for a terminal stream; redraws at most every 1 %. */
export interface ProgressBar {
  update(fraction: number): void;
  done(): void;
}

/**
 * @example
 * const bar = progressBar(process.stderr, "simulating");
 * bar.update(0.5); // "simulating [##########          ]  50%"
 */
export function progressBar(stream: { write(s: string): unknown }, label: string, width = 30): ProgressBar {
  let shown = -1;
  return {
    update(fraction) {
      const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
      if (pct === shown) return;
      shown = pct;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(pct).padStart(3)}%`);
    },
    done() {
      if (shown >= 0) stream.write("\n");
    },
  };
}
