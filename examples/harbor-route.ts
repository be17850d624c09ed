/**
 * The task examples/custom-strategy.ts searches: find a road from the station to the harbor on a
 * small map. Its trap is in the names: the roads called "harbor-…" sound closest and end nowhere,
 * and the way that arrives goes through the old town. A model that judges by names (the scripted
 * one below does, on purpose) values the trap's states highest.
 */
import type { Model, Task } from "@deliberate/core";
import type { TaskNode } from "@deliberate/core/task";
import { createScriptedModel } from "@deliberate/core/testing";

/** Where each road leads; a place with no roads is a dead end. */
export const ROADS: Readonly<Record<string, readonly string[]>> = {
  station: ["harbor-road", "old-town"],
  "harbor-road": ["harbor-gate", "harbor-view"],
  "harbor-gate": [],
  "harbor-view": [],
  "old-town": ["market"],
  market: ["harbor"],
};

const START = "station";
const GOAL = "harbor";

/** The places visited so far, the start first. */
type Route = readonly string[];

const here = (node: TaskNode<Route>) => node.state.at(-1) ?? START;

const MAP = Object.entries(ROADS)
  .map(([from, to]) => `${from} → ${to.length > 0 ? to.join(", ") : "(no roads)"}`)
  .join("\n");

const system = (text: string) => ({ role: "system" as const, text, trusted: true });
const user = (text: string) => ({ role: "user" as const, text, trusted: true });

/** Whether `route` starts at the station, follows roads only, and ends at the harbor. */
function isRoute(route: Route): boolean {
  return (
    route[0] === START &&
    route.at(-1) === GOAL &&
    route.every((place, index) => index === 0 || ROADS[route[index - 1] ?? ""]?.includes(place))
  );
}

/** Creates the route-finding task; answers are checked exactly against the map. */
export function createHarborRouteTask(): Task<Route> {
  return {
    name: "harbor-route",
    question: `Find a road from the ${START} to the ${GOAL}.`,
    initialState: [START],
    maxDepth: 5,
    stepPrompt: (node) => {
      const roads = ROADS[here(node)] ?? [];
      return {
        segments: [
          system(`Roads of the town:\n${MAP}\n\nFind a road from the ${START} to the ${GOAL}.`),
          user(`You are at ${here(node)}. Next place:`),
        ],
        maxTokens: 16,
        // A dead end has nothing to choose from: the model writes freely, and applyStep refuses it.
        ...(roads.length > 0 ? { constraint: { kind: "choice" as const, options: roads } } : {}),
      };
    },
    applyStep(text, node) {
      const place = text.trim();
      const from = here(node);
      if (!(ROADS[from] ?? []).includes(place)) {
        return {
          kind: "invalid",
          reason: `no road leads from ${from} to ${JSON.stringify(place)}`,
        };
      }
      const route = [...node.state, place];
      if (place !== GOAL) return { kind: "step", state: route, thought: `→ ${place}` };
      return { kind: "answer", state: route, answer: route.join(" → "), thought: `→ ${place}` };
    },
    valuePrompt: (node) => ({
      segments: [
        system(`Roads of the town:\n${MAP}\n\n`),
        user(
          `You are at ${here(node)}. Can you still reach the ${GOAL} from here? ` +
            "Answer with one word: sure, likely or impossible.\nJudgement:",
        ),
      ],
      maxTokens: 4,
    }),
    verify: (node, answer) => (answer === undefined ? undefined : isRoute(node.state) ? 1 : 0),
  };
}

/**
 * A stand-in model: completion i takes the i-th road from where it is, and it judges a place by
 * its name alone — anything called "harbor…" is `sure`, everything else `likely`.
 */
export function createNameJudgingModel(): Model {
  return createScriptedModel({
    id: "judges-by-name",
    rules: [
      {
        match: "Judgement:",
        reply: ({ prompt }) => (/You are at harbor/.test(prompt) ? "sure" : "likely"),
      },
      {
        match: "Next place:",
        reply: ({ prompt, index }) => {
          const place = /You are at (\S+)\./.exec(prompt)?.[1] ?? START;
          const roads = ROADS[place] ?? [];
          return roads[index % Math.max(1, roads.length)] ?? "";
        },
      },
    ],
  });
}
