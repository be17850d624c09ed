import type { SearchTree } from "@deliberate/core";
import { type LiveServer, startLiveServer } from "@deliberate/viz";

const UPDATE_MS = 250;

/** The live viewer of one search, fed from the search's tree. */
export interface LiveView {
  readonly url: string;
  /** Sends the final tree and keeps serving it. */
  finish(tree: SearchTree): void;
  /** Ends the event streams and frees the port. */
  close(): Promise<void>;
}

/**
 * Serves the viewer on 127.0.0.1 (a free port) and sends it what the tree gained four times a
 * second: reading the tree on a timer, not at every event, keeps a fast search fast.
 */
export async function startLiveView(readTree: () => SearchTree): Promise<LiveView> {
  const server: LiveServer = await startLiveServer({ host: "127.0.0.1", tree: readTree() });
  const timer = setInterval(() => server.update(readTree()), UPDATE_MS);
  timer.unref();
  return {
    url: server.url,
    finish(tree) {
      clearInterval(timer);
      server.update(tree);
    },
    async close() {
      clearInterval(timer);
      await server.close();
    },
  };
}
