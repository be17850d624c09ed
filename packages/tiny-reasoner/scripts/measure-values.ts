/**
 * Measures the model's value judgments on states it never saw: the 3-number and 2-number states
 * one or two whole-number moves from the ToT test puzzles (all excluded from training).
 * Usage: tsx --conditions=@deliberate/source scripts/measure-values.ts [states per size]
 * TINY_REASONER_MODEL=<path.gguf> measures another file than the committed model.
 */
import { loadModel } from "@deliberate/llama";
import {
  applyGame24Move,
  createGame24State,
  createRandom,
  formatGame24Numbers,
  type Game24State,
  getGame24StateKey,
  loadGame24TestSet,
  shuffle,
} from "@deliberate/tasks";
import { isSolvable, listTaughtMoves } from "../src/data/behaviour-policy.js";
import { measureValueCalibration } from "../src/evaluation/value-calibration.js";
import { resolveBuiltinModel } from "../src/index.js";

const perSize = Number(process.argv[2] ?? "300");
const bySize = new Map<number, Map<string, Game24State>>();
const visit = (state: Game24State): void => {
  const size = state.left.length;
  if (size < 2) return;
  if (size < 4) {
    const states = bySize.get(size) ?? new Map<string, Game24State>();
    states.set(getGame24StateKey(state), state);
    bySize.set(size, states);
  }
  for (const move of listTaughtMoves(state)) visit(applyGame24Move(state, move));
};
for (const testCase of loadGame24TestSet()) visit(createGame24State(testCase.puzzle));
const model = await loadModel({
  model: process.env.TINY_REASONER_MODEL ?? resolveBuiltinModel("builtin:tiny-reasoner") ?? "",
  branches: 1,
});
try {
  for (const [size, states] of [...bySize.entries()].sort((a, b) => b[0] - a[0])) {
    const sample = shuffle(createRandom(size), [...states.values()]).slice(0, perSize);
    const judged = [];
    for (const state of sample) {
      const text = `${formatGame24Numbers(state.left.map((n) => n.value))} :`;
      const reply = await model.scoreOptions({
        segments: [{ text, trusted: true }],
        options: [" sure", " likely", " impossible"],
      });
      judged.push({ sureProbability: reply.probabilities[0] ?? 0, solvable: isSolvable(state) });
    }
    console.log(JSON.stringify({ numbersLeft: size, ...measureValueCalibration(judged) }));
  }
} finally {
  await model.dispose();
}
