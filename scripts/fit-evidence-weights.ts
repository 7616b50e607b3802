/**
 * Fits the weights of the reading evidence (src/readings/surname-evidence.ts, DEFAULT_EVIDENCE_WEIGHTS) on the
 * TUNING part of the development set only (bench/devset.ts; the held-out part is never read here): a softmax over
 * each surname's candidate readings, its score the weighted sum of the candidate's features, trained to put the
 * most common reading first (cross-entropy, L2-regularised, plain gradient descent). It prints the weights to
 * paste into DEFAULT_EVIDENCE_WEIGHTS, and how often the best-scoring candidate is the most common reading.
 *
 * Then, with the weights now in the source, the doubt model (DEFAULT_DOUBT_WEIGHTS): a logistic regression, each
 * person of the tuning part a sample (surnames a firm rule already sends to review left out), of whether the
 * printed (best) reading is not that person's; and, for a few
 * thresholds, how many surnames and people it would send to review and how many silent errors would remain.
 *
 *   npx tsx scripts/fit-evidence-weights.ts
 */
import { bundledNameDictionary } from "../src/readings/name-dictionary.js";
import {
  DEFAULT_DOUBT_WEIGHTS, DEFAULT_EVIDENCE_WEIGHTS, doubtFeatures, doubtOf, firmDoubt, surnameEvidence,
  type DoubtFeatures, type DoubtWeights, type EvidenceWeights, type ReadingFeatures,
} from "../src/readings/surname-evidence.js";
import { heldOut, loadDevset } from "../bench/devset.js";

const L2 = Number(process.env.L2 ?? 0.001);
const STEPS = Number(process.env.STEPS ?? 3000);
const RATE = 0.3;

const dictionary = bundledNameDictionary();
const keys = Object.keys(DEFAULT_EVIDENCE_WEIGHTS) as (keyof ReadingFeatures)[];
const examples = loadDevset()
  .filter((c) => !heldOut(c.surface))
  .map((c) => {
    const candidates = surnameEvidence(dictionary, c.surface).candidates;
    return { features: candidates.map((k) => keys.map((key) => k.features[key])), target: candidates.map((k) => (c.accepted.has(k.reading) ? 1 : 0)) };
  })
  .filter((e) => e.features.length > 1 && e.target.some((t) => t === 1));

let w = keys.map(() => 0);
const scores = (f: number[][], weights: number[]) => f.map((x) => x.reduce((a, v, i) => a + v * weights[i]!, 0));
for (let step = 0; step < STEPS; step++) {
  const grad = keys.map((_, i) => L2 * w[i]!);
  for (const e of examples) {
    const s = scores(e.features, w);
    const max = Math.max(...s);
    const p = s.map((v) => Math.exp(v - max));
    const z = p.reduce((a, b) => a + b, 0);
    const q = p.map((v, j) => v * e.target[j]!);
    const zt = q.reduce((a, b) => a + b, 0);
    for (let j = 0; j < s.length; j++) {
      const g = p[j]! / z - q[j]! / zt; // d(-log P(target)) / d score_j
      e.features[j]!.forEach((v, i) => (grad[i]! += (g * v) / examples.length));
    }
  }
  w = w.map((v, i) => v - RATE * grad[i]!);
}
const right = examples.filter((e) => { const s = scores(e.features, w); return e.target[s.indexOf(Math.max(...s))] === 1; }).length;
const weights = Object.fromEntries(keys.map((k, i) => [k, Math.round(w[i]! * 100) / 100])) as unknown as EvidenceWeights;
console.log(`${examples.length} tuning surnames with more than one candidate; best candidate right: ${right} (${((100 * right) / examples.length).toFixed(1)} %)`);
console.log(JSON.stringify(weights));
const current = keys.map((k) => DEFAULT_EVIDENCE_WEIGHTS[k]);
const rightNow = examples.filter((e) => { const s = scores(e.features, current); return e.target[s.indexOf(Math.max(...s))] === 1; }).length;
console.log(`with the current DEFAULT_EVIDENCE_WEIGHTS: ${rightNow} (${((100 * rightNow) / examples.length).toFixed(1)} %)`);

// --- stage 2: the doubt model, on the weights now in the source
const doubtKeys = Object.keys(DEFAULT_DOUBT_WEIGHTS) as (keyof DoubtFeatures)[];
const tuningCases = loadDevset().filter((c) => !heldOut(c.surface));
const samples = tuningCases.flatMap((c) => {
  const evidence = surnameEvidence(dictionary, c.surface);
  const best = evidence.candidates[0];
  // Surnames a firm rule already sends to review are not the doubt model's to decide.
  if (!best || firmDoubt(evidence)) return [];
  const people = [...c.people.values()].reduce((a, b) => a + b, 0);
  const f = doubtFeatures(evidence, c.surface);
  return [{ x: doubtKeys.map((k) => f[k]), wrong: people - (c.people.get(best.reading) ?? 0), people, wrongTop: c.accepted.has(best.reading) ? 0 : 1 }];
});
let v = doubtKeys.map(() => 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const totalPeople = samples.reduce((a, s) => a + s.people, 0);
for (let step = 0; step < Number(process.env.DOUBT_STEPS ?? 20000); step++) {
  const grad = doubtKeys.map((_, i) => L2 * v[i]!);
  for (const s of samples) {
    const p = sigmoid(s.x.reduce((a, x, i) => a + x * v[i]!, 0));
    s.x.forEach((x, i) => (grad[i]! += ((s.people * p - s.wrong) * x) / totalPeople));
  }
  v = v.map((x, i) => x - 0.5 * grad[i]!);
}
const doubt = Object.fromEntries(doubtKeys.map((k, i) => [k, Math.round(v[i]! * 100) / 100])) as unknown as DoubtWeights;
console.log("\ndoubt weights:", JSON.stringify(doubt));
for (const [label, weights] of [["fitted", doubt], ["current DEFAULT_DOUBT_WEIGHTS", DEFAULT_DOUBT_WEIGHTS]] as const) {
  for (const threshold of [0.06, 0.08, 0.1, 0.12, 0.14, 0.16]) {
    const asked = samples.filter((s) => doubtOf(Object.fromEntries(doubtKeys.map((k, i) => [k, s.x[i]!])) as unknown as DoubtFeatures, weights) > threshold);
    const kept = samples.filter((s) => !asked.includes(s));
    const pc = (k: number, n: number) => `${((100 * k) / n).toFixed(2)} %`;
    console.log(`${label}, threshold ${threshold}: the model asks ${pc(asked.length, tuningCases.length)} of surnames (${pc(asked.reduce((a, s) => a + s.people, 0), totalPeople)} of people);` +
      ` silent ${pc(kept.filter((s) => s.wrongTop).length, tuningCases.length)} of surnames, ${pc(kept.reduce((a, s) => a + s.wrong, 0), totalPeople)} of people (before the other review rules)`);
  }
}
