import { LAYERS, type Layer } from "./eligibility.js";
import type { LayerStep } from "./types.js";

/** Counts, layer by layer, how many agents survive; `failing` gives each agent's first failed layer. */
export function layerCounts(total: number, failing: readonly (Layer | null)[]): LayerStep[] {
  const dropped = LAYERS.map(() => 0);
  for (const f of failing) if (f !== null) dropped[LAYERS.indexOf(f)] = (dropped[LAYERS.indexOf(f)] ?? 0) + 1;
  return layersFromDrops(total, dropped);
}

/** The layer steps when `dropped[i]` agents were filtered out by layer `LAYERS[i]`. */
export function layersFromDrops(total: number, dropped: ArrayLike<number>): LayerStep[] {
  const steps: LayerStep[] = [];
  let before = total;
  for (let i = 0; i < LAYERS.length; i++) {
    const after = before - (dropped[i] ?? 0);
    steps.push({ layer: LAYERS[i] as Layer, before, after });
    before = after;
  }
  return steps;
}
