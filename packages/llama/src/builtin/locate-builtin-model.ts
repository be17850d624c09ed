import { stat } from "node:fs/promises";
import { LlamaError } from "../errors.js";
import {
  BUILTIN_NAME,
  BUILTIN_PREFIX,
  type BuiltinModel,
  findBuiltinModel,
  listBuiltinModels,
} from "./builtin-registry.js";

/** The package the plug-in convention imports for `builtin:<name>`. */
function packageOf(name: string): string {
  return `@deliberate/${name}`;
}

/**
 * The registered model of a `builtin:<name>` spec. A name nobody registered yet is looked for in
 * `@deliberate/<name>`, imported on the spot: a package that ships a model registers it when
 * imported, so `builtin:tiny-reasoner` works once `@deliberate/tiny-reasoner` is installed, even
 * if the app never imported it. The import is dynamic on purpose: that package depends on this
 * one, never the reverse. Unknown names are `UNKNOWN_BUILTIN`; a registered model whose file is
 * missing is `MODEL_NOT_FOUND`.
 *
 * @example
 * ```ts
 * const { path } = await locateBuiltinModel("builtin:tiny-reasoner");
 * ```
 */
export async function locateBuiltinModel(spec: string): Promise<BuiltinModel> {
  const name = spec.startsWith(BUILTIN_PREFIX) ? spec.slice(BUILTIN_PREFIX.length) : spec;
  const model = findBuiltinModel(name) ?? (await importBuiltinPackage(name));
  const stats = await stat(model.path).catch(() => undefined);
  if (!stats?.isFile()) {
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected the GGUF file of builtin:${name} at ${model.path}, got no file there: its package was installed without its models. Reinstall it.`,
    );
  }
  return model;
}

async function importBuiltinPackage(name: string): Promise<BuiltinModel> {
  // The pattern keeps a typed name to one package of the @deliberate scope: no path, no other scope.
  if (!BUILTIN_NAME.test(name)) throw unknownBuiltin(name, "is not a package name");
  const pkg = packageOf(name);
  try {
    await import(pkg);
  } catch (error) {
    if (!isMissingPackage(error, pkg)) {
      throw new LlamaError(
        "LOAD_FAILED",
        `Expected ${pkg} to import and register builtin:${name}, got: ${String(error)}`,
        { cause: error },
      );
    }
    throw unknownBuiltin(name, `is not installed`, error);
  }
  const model = findBuiltinModel(name);
  if (model === undefined) throw unknownBuiltin(name, "is installed but registers no such model");
  return model;
}

function unknownBuiltin(name: string, why: string, cause?: unknown): LlamaError {
  const known = listBuiltinModels().map((model) => `${BUILTIN_PREFIX}${model.name}`);
  const registered = known.length > 0 ? known.join(", ") : "none";
  return new LlamaError(
    "UNKNOWN_BUILTIN",
    `Expected a registered built-in model (${registered}), got ${JSON.stringify(`${BUILTIN_PREFIX}${name}`)}: ${packageOf(name)} ${why}. Install and import the package that ships the model (it registers its models when imported, as @deliberate/tiny-reasoner registers builtin:tiny-reasoner), or pass the GGUF file's path.`,
    cause === undefined ? {} : { cause },
  );
}

/** Whether an import failed because the package itself is missing (not one of its own imports). */
function isMissingPackage(error: unknown, pkg: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" || code === undefined) &&
    message.includes(`'${pkg}'`)
  );
}
