/**
 * What each tool does, in the one line a model reads. Shared by the ready thought tools here and
 * the LangChain tools of `@deliberate/langchain`, so a model reads the same words through either.
 */
export const TOOL_DESCRIPTIONS = {
  calculator:
    "Evaluates arithmetic exactly with fractions: numbers, + - * / and parentheses. Returns the exact value.",
  game24Check:
    "Checks a Game-of-24 answer exactly: uses each given number once, only + - * / and parentheses, equals 24.",
  javascript:
    "Runs JavaScript in an isolated sandbox with no I/O and strict time and memory limits. Returns console output and the last expression's value.",
} as const;
