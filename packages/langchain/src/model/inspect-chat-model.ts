import { BaseChatModel } from "@langchain/core/language_models/chat_models";

/** The default model id: `langchain:<provider>:<model name>`. */
export function describeModel(model: BaseChatModel): string {
  const fields = model as unknown as Record<string, unknown>;
  const name = [fields.model, fields.modelName].find((value) => typeof value === "string");
  return `langchain:${model._llmType()}${name ? `:${String(name)}` : ""}`;
}

/**
 * Whether `value` behaves as a LangChain chat model. Duck-typed rather than `instanceof`, so a
 * model built against another copy of @langchain/core (a nested install) is accepted too.
 */
export function isChatModel(value: unknown): value is BaseChatModel {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields.generate === "function" &&
    typeof fields._llmType === "function" &&
    typeof fields.withStructuredOutput === "function"
  );
}

/** Whether the model can meet a JSON schema through `withStructuredOutput`. */
export function supportsStructuredOutput(model: BaseChatModel): boolean {
  const fields = model as unknown as Record<string, unknown>;
  return (
    typeof fields.bindTools === "function" ||
    model.withStructuredOutput !== BaseChatModel.prototype.withStructuredOutput
  );
}
