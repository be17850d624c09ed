import type { Model } from "@deliberate/core";
import type { ModelReply, ModelRequest, ScoreOptionsRequest } from "@deliberate/core/model";

/** One call a question made: the prompt as the model received it, and what it wrote back. */
export interface RecordedCall {
  readonly kind: "generate" | "score";
  readonly prompt: string;
  readonly completions: readonly string[];
}

/** A model that records every call it passes on. */
export interface RecordingModel extends Model {
  readonly calls: readonly RecordedCall[];
}

/**
 * Wraps `model` (shared by many questions) so that one question's calls can be read back: what
 * each prompt held and what came out. The model itself is used as it is, not mocked.
 */
export function recordCalls(model: Model): RecordingModel {
  const calls: RecordedCall[] = [];
  const join = (request: { segments: ModelRequest["segments"] }) =>
    request.segments.map((segment) => segment.text).join("");
  const recording: RecordingModel = {
    id: model.id,
    calls,
    async generate(request: ModelRequest): Promise<ModelReply> {
      const reply = await model.generate(request);
      calls.push({
        kind: "generate",
        prompt: join(request),
        completions: reply.completions.map((completion) => completion.text),
      });
      return reply;
    },
  };
  const score = model.scoreOptions?.bind(model);
  if (!score) return recording;
  return {
    ...recording,
    async scoreOptions(request: ScoreOptionsRequest) {
      const reply = await score(request);
      calls.push({ kind: "score", prompt: join(request), completions: [] });
      return reply;
    },
  };
}
