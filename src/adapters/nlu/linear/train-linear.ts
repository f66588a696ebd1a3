/**
 * Trains a LinearModel: multinomial logistic regression with AdaGrad, L2 decay on touched weights,
 * per-example weights, a seeded shuffle (same data → same model), and a temperature fitted by grid
 * search on a calibration split. Used by `npm run train:nlu` and the classifier comparison; not at run time.
 */
import { featurize, type SparseVector } from "./features.js";
import { type LinearModel, logits, softmax } from "./linear-model.js";

export interface TrainExample {
  readonly text: string;
  readonly label: string;
  readonly weight?: number;
  readonly dense?: readonly number[];
}

export interface TrainOptions {
  readonly classes: readonly string[];
  readonly dim: number;
  readonly dense?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly seed?: number;
  /**
   * Fixed per-class bias (not learned), e.g. the log prior. With L2-normalised features a learned
   * bias drifts to offset the many weak features of long messages, and a message of unseen words
   * (a short product name) then gets that bias alone.
   */
  readonly fixedBias?: readonly number[];
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** mulberry32: a small seeded PRNG for the shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Prepared {
  readonly x: SparseVector;
  readonly dense: readonly number[];
  readonly y: number;
  readonly w: number;
}

export function trainLinear(examples: readonly TrainExample[], options: TrainOptions): LinearModel {
  const classes = [...options.classes];
  const c = classes.length;
  const dim = options.dim;
  const denseN = options.dense ?? 0;
  const classIndex = new Map(classes.map((k, i) => [k, i]));
  const data: Prepared[] = [];
  for (const e of examples) {
    const y = classIndex.get(e.label);
    if (y === undefined) throw new Error(`unknown label ${e.label}`);
    data.push({ x: featurize(e.text, dim), dense: e.dense ?? [], y, w: e.weight ?? 1 });
  }
  const rows = dim + denseN;
  const weights = new Float32Array(rows * c);
  const grad2 = new Float32Array(rows * c);
  const bias = new Float32Array(c);
  if (options.fixedBias) bias.set(options.fixedBias);
  const biasG = new Float32Array(c);
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const random = rng(options.seed ?? 13);
  const order = data.map((_, i) => i);
  const model: LinearModel = { classes, dim, dense: denseN, weights, scales: new Float32Array(c).fill(1), bias, temperature: 1, meta: options.meta ?? {} };
  const epochs = options.epochs ?? 10;
  const g = new Float64Array(c);
  const step = (row: number, v: number) => {
    const base = row * c;
    for (let j = 0; j < c; j++) {
      const k = base + j;
      const gr = g[j]! * v + l2 * weights[k]!;
      grad2[k] = grad2[k]! + gr * gr;
      weights[k] = weights[k]! - (lr * gr) / Math.sqrt(grad2[k]! + 1e-8);
    }
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const ex = data[i]!;
      const p = softmax(logits(model, ex.x, ex.dense));
      for (let j = 0; j < c; j++) g[j] = (p[j]! - (j === ex.y ? 1 : 0)) * ex.w;
      for (let k = 0; k < ex.x.index.length; k++) step(ex.x.index[k]!, ex.x.value[k]!);
      for (let d = 0; d < denseN && d < ex.dense.length; d++) if (ex.dense[d]) step(dim + d, ex.dense[d]!);
      for (let j = 0; j < c && !options.fixedBias; j++) {
        biasG[j] = biasG[j]! + g[j]! * g[j]!;
        bias[j] = bias[j]! - (lr * g[j]!) / Math.sqrt(biasG[j]! + 1e-8);
      }
    }
  }
  return model;
}

/**
 * The temperature minimising the negative log-likelihood of `examples` (grid 0.2..5), i.e. the
 * calibration step; fit it on rows the model was not trained on.
 */
export function fitTemperature(model: LinearModel, examples: readonly TrainExample[]): number {
  const z = examples.map((e) => ({ z: logits(model, featurize(e.text, model.dim), e.dense ?? []), y: model.classes.indexOf(e.label) }));
  let best = 1;
  let bestNll = Number.POSITIVE_INFINITY;
  for (let t = 0.2; t <= 5.0001; t += 0.05) {
    let nll = 0;
    for (const { z: raw, y } of z) {
      const p = softmax(Float64Array.from(raw), t);
      nll -= Math.log(Math.max(1e-12, p[y]!));
    }
    if (nll < bestNll) {
      bestNll = nll;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
