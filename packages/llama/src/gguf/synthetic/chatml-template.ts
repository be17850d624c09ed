/** Control tokens that delimit ChatML turns. */
export const CHATML_TOKENS = ["<|im_start|>", "<|im_end|>"] as const;

/**
 * The ChatML chat template (as Qwen and others ship it), stored in a GGUF's
 * `tokenizer.chat_template` so node-llama-cpp picks its ChatML chat wrapper.
 */
export const CHATML_TEMPLATE =
  "{% for message in messages %}" +
  "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}" +
  "{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
