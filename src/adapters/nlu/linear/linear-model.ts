/**
 * A multinomial logistic-regression model over hashed n-gram features (./features.ts) plus a few
 * dense features, with a softmax temperature fitted on a held-apart calibration split. Weights are
 * stored as int8 with one scale per class (a few hundred KB to about 1 MB on disk). Pure: the
 * caller reads and writes the bytes.
 */
import { featurize, type SparseVector } from "./features.js";

export interface LinearModel {
  readonly classes: readonly string[];
  /** Hashed buckets (a power of two). */
  readonly dim: number;
  /** Dense features appended after the hashed ones. */
  readonly dense: number;
  /** Row-major by feature: weights[f * classes + c], dequantised with `scales[c]`. */
  readonly weights: Int8Array | Float32Array;
  readonly scales: Float32Array;
  readonly bias: Float32Array;
  /** Softmax temperature (calibration): probabilities are softmax(logits / temperature). */
  readonly temperature: number;
  /** Free-form facts recorded by the trainer (sources, sizes, metrics). */
  readonly meta: Readonly<Record<string, unknown>>;
}

const MAGIC = "BATONLM1";

/** Raw scores per class (before temperature). */
export function logits(model: LinearModel, x: SparseVector, dense: ArrayLike<number> = []): Float64Array {
  const c = model.classes.length;
  const acc = new Float64Array(c);
  const w = model.weights;
  for (let k = 0; k < x.index.length; k++) {
    const base = x.index[k]! * c;
    const v = x.value[k]!;
    for (let j = 0; j < c; j++) acc[j]! += v * w[base + j]!;
  }
  for (let d = 0; d < model.dense && d < dense.length; d++) {
    const base = (model.dim + d) * c;
    const v = dense[d]!;
    if (!Number.isFinite(v) || v === 0) continue;
    for (let j = 0; j < c; j++) acc[j]! += v * w[base + j]!;
  }
  for (let j = 0; j < c; j++) acc[j] = acc[j]! * model.scales[j]! + model.bias[j]!;
  return acc;
}

/** Softmax of `z / temperature`, in place, numerically stable. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  const t = temperature > 0 && Number.isFinite(temperature) ? temperature : 1;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let j = 0; j < z.length; j++) {
    z[j] = Math.exp((z[j]! - max) / t);
    sum += z[j]!;
  }
  for (let j = 0; j < z.length; j++) z[j] = z[j]! / sum;
  return z;
}

/**
 * Calibrated class probabilities of a text.
 * @example
 * probabilities(model, "where is my order")[model.classes.indexOf("orders.status")] // 0.97
 */
export function probabilities(model: LinearModel, text: string, dense: ArrayLike<number> = []): Float64Array {
  return softmax(logits(model, featurize(text, model.dim), dense), model.temperature);
}

/** Quantises float weights to int8 with one scale per class. */
export function quantize(model: LinearModel): LinearModel {
  if (model.weights instanceof Int8Array) return model;
  const c = model.classes.length;
  const rows = model.weights.length / c;
  const scales = new Float32Array(c);
  for (let j = 0; j < c; j++) {
    let max = 0;
    for (let f = 0; f < rows; f++) max = Math.max(max, Math.abs(model.weights[f * c + j]! * model.scales[j]!));
    scales[j] = max > 0 ? max / 127 : 1;
  }
  const q = new Int8Array(model.weights.length);
  for (let f = 0; f < rows; f++) {
    for (let j = 0; j < c; j++) q[f * c + j] = Math.round((model.weights[f * c + j]! * model.scales[j]!) / scales[j]!);
  }
  return { ...model, weights: q, scales };
}

/** Bytes of a (quantised) model: magic, header length, JSON header, float32 bias, int8 weights. */
export function serializeModel(model: LinearModel): Uint8Array {
  const q = quantize(model);
  const header = new TextEncoder().encode(
    JSON.stringify({ classes: q.classes, dim: q.dim, dense: q.dense, temperature: q.temperature, scales: [...q.scales], meta: q.meta }),
  );
  const out = new Uint8Array(8 + 4 + header.length + 4 * q.bias.length + q.weights.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  let at = 12 + header.length;
  for (let j = 0; j < q.bias.length; j++, at += 4) view.setFloat32(at, q.bias[j]!, true);
  out.set(new Uint8Array(q.weights.buffer, q.weights.byteOffset, q.weights.byteLength), at);
  return out;
}

/** Reads bytes written by `serializeModel`; throws on a damaged or foreign file. */
export function deserializeModel(bytes: Uint8Array): LinearModel {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error("not a Baton linear model");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as {
    classes: string[];
    dim: number;
    dense: number;
    temperature: number;
    scales: number[];
    meta: Record<string, unknown>;
  };
  const c = header.classes.length;
  let at = 12 + headerLength;
  const bias = new Float32Array(c);
  for (let j = 0; j < c; j++, at += 4) bias[j] = view.getFloat32(at, true);
  const size = (header.dim + header.dense) * c;
  if (bytes.length - at !== size) throw new Error("linear model: wrong weight count");
  const weights = new Int8Array(size);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + at, size));
  return { classes: header.classes, dim: header.dim, dense: header.dense, temperature: header.temperature, scales: Float32Array.from(header.scales), bias, weights, meta: header.meta };
}
