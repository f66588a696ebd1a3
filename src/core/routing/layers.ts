import { LAYERS, type Layer } from "./eligibility.js";
import type { LayerStep } from "./types.js";

/** Counts, layer by layer, how many agents survive; `failing` gives each agent's first failed layer. */
export function layerCounts(total: number, failing: readonly (Layer | null)[]): LayerStep[] {
  const dropped = new Map<Layer, number>();
  for (const f of failing) if (f !== null) dropped.set(f, (dropped.get(f) ?? 0) + 1);
  return layersFromDrops(total, dropped);
}

/** The layer steps when `dropped` says how many agents each layer filtered out. */
export function layersFromDrops(total: number, dropped: ReadonlyMap<Layer, number>): LayerStep[] {
  const steps: LayerStep[] = [];
  let before = total;
  for (const layer of LAYERS) {
    const after = before - (dropped.get(layer) ?? 0);
    steps.push({ layer, before, after });
    before = after;
  }
  return steps;
}
