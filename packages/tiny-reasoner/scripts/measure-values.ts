/**
 * Measures the model's value judgments on the 3-number and 2-number states one or two whole-number
 * moves from the ToT test puzzles. Whether those states were kept out of the model's training data
 * depends on the exclusion level it was trained with (`excludedMinNumbers` in the
 * `<model>.training.json` beside the GGUF; absent means the default, `EXCLUDED_MIN_NUMBERS` = 3):
 * the committed model never saw the 3-number states, but the 2-number ones do occur in its
 * training data; `tiny-reasoner-no2.gguf` (level 2) saw neither. Each row says how many of its
 * states the measured model's exclusion covered (`excludedFromTraining`).
 * Usage: tsx --conditions=@deliberate/source scripts/measure-values.ts [states per size]
 * TINY_REASONER_MODEL=<path.gguf> measures another file than the committed model, e.g.
 * `models/tiny-reasoner-no2.gguf`.
 */
import { existsSync, readFileSync } from "node:fs";
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
import { EXCLUDED_MIN_NUMBERS, listExcludedStates } from "../src/data/test-exclusion.js";
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
const modelPath =
  process.env.TINY_REASONER_MODEL ?? resolveBuiltinModel("builtin:tiny-reasoner") ?? "";
const trainingPath = modelPath.replace(/\.gguf$/, ".training.json");
const training = existsSync(trainingPath)
  ? (JSON.parse(readFileSync(trainingPath, "utf8")) as { excludedMinNumbers?: number })
  : {};
const level = training.excludedMinNumbers ?? EXCLUDED_MIN_NUMBERS;
const excluded = listExcludedStates(level);
const model = await loadModel({ model: modelPath, branches: 1 });
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
    const unseen = sample.filter((state) => excluded.has(getGame24StateKey(state))).length;
    console.log(
      JSON.stringify({
        model: modelPath.split("/").at(-1),
        excludedMinNumbers: level,
        numbersLeft: size,
        excludedFromTraining: unseen,
        ...measureValueCalibration(judged),
      }),
    );
  }
} finally {
  await model.dispose();
}
