/** The prefix of a model that ships with the project: `builtin:tiny-reasoner`. */
export const BUILTIN_PREFIX = "builtin:";

/** Whether `--model` names a built-in model; cheap, so commands check it before anything loads. */
export function isBuiltinModel(spec: string): boolean {
  return spec.startsWith(BUILTIN_PREFIX);
}
