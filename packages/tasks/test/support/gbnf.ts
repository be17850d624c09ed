// A small GBNF reader and matcher for the subset the tasks emit (rules, literals, groups,
// alternation, ? * + {m,n}); enough to check a grammar's language exactly in tests, with no model.

type Expr =
  | { kind: "literal"; text: string }
  | { kind: "ref"; name: string }
  | { kind: "seq"; items: Expr[] }
  | { kind: "alt"; options: Expr[] }
  | { kind: "repeat"; item: Expr; min: number; max: number };

class Reader {
  i = 0;
  constructor(readonly src: string) {}
  skip(): void {
    while (this.i < this.src.length && /[ \t]/.test(this.src[this.i] as string)) this.i++;
  }
  fail(what: string): never {
    throw new Error(
      `GBNF: expected ${what} at ${this.i}, got ${JSON.stringify(this.src.slice(this.i, this.i + 20))}`,
    );
  }
  alt(): Expr {
    const options = [this.seq()];
    for (this.skip(); this.src[this.i] === "|"; this.skip()) {
      this.i++;
      options.push(this.seq());
    }
    return options.length === 1 ? (options[0] as Expr) : { kind: "alt", options };
  }
  seq(): Expr {
    const items: Expr[] = [];
    for (
      this.skip();
      this.i < this.src.length && !/[|)\n]/.test(this.src[this.i] as string);
      this.skip()
    ) {
      items.push(this.quantified(this.atom()));
    }
    return { kind: "seq", items };
  }
  atom(): Expr {
    const c = this.src[this.i];
    if (c === '"') return this.literal();
    if (c === "(") {
      this.i++;
      const inner = this.alt();
      this.skip();
      if (this.src[this.i] !== ")") this.fail('")"');
      this.i++;
      return inner;
    }
    const name = /^[a-zA-Z][\w-]*/.exec(this.src.slice(this.i))?.[0];
    if (name === undefined) this.fail("a literal, a group or a rule name");
    this.i += name.length;
    return { kind: "ref", name };
  }
  literal(): Expr {
    let text = "";
    for (this.i++; this.src[this.i] !== '"'; this.i++) {
      if (this.i >= this.src.length) this.fail("a closing quote");
      if (this.src[this.i] === "\\") {
        this.i++;
        const e = this.src[this.i] as string;
        text += e === "n" ? "\n" : e === "t" ? "\t" : e;
      } else text += this.src[this.i];
    }
    this.i++;
    return { kind: "literal", text };
  }
  quantified(item: Expr): Expr {
    const c = this.src[this.i];
    if (c === "?" || c === "*" || c === "+") {
      this.i++;
      return {
        kind: "repeat",
        item,
        min: c === "+" ? 1 : 0,
        max: c === "?" ? 1 : Number.POSITIVE_INFINITY,
      };
    }
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.i));
    if (m === null) return item;
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[2] === "" ? Number.POSITIVE_INFINITY : Number(m[2]);
    return { kind: "repeat", item, min, max };
  }
}

/** Parses GBNF text into rules; throws on syntax it does not know. */
export function parseGbnf(text: string): Map<string, Expr> {
  const rules = new Map<string, Expr>();
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const m = /^([a-zA-Z][\w-]*)\s*::=(.*)$/.exec(line);
    if (m === null)
      throw new Error(`GBNF: expected "name ::= ...", got ${JSON.stringify(line.slice(0, 40))}`);
    const reader = new Reader(m[2] as string);
    rules.set(m[1] as string, reader.alt());
    reader.skip();
    if (reader.i < reader.src.length) reader.fail("the end of the rule");
  }
  return rules;
}

function ends(rules: Map<string, Expr>, e: Expr, s: string, at: number): Set<number> {
  switch (e.kind) {
    case "literal":
      return s.startsWith(e.text, at) ? new Set([at + e.text.length]) : new Set();
    case "ref": {
      const rule = rules.get(e.name);
      if (rule === undefined) throw new Error(`GBNF: no rule ${e.name}`);
      return ends(rules, rule, s, at);
    }
    case "alt":
      return new Set(e.options.flatMap((o) => [...ends(rules, o, s, at)]));
    case "seq": {
      let positions = new Set([at]);
      for (const item of e.items)
        positions = new Set([...positions].flatMap((p) => [...ends(rules, item, s, p)]));
      return positions;
    }
    case "repeat": {
      const out = new Set<number>(e.min === 0 ? [at] : []);
      let frontier = new Set([at]);
      for (let n = 1; n <= e.max && frontier.size > 0; n++) {
        frontier = new Set(
          [...frontier].flatMap((p) => [...ends(rules, e.item, s, p)].filter((q) => q > p)),
        );
        if (n >= e.min) for (const p of frontier) out.add(p);
      }
      return out;
    }
  }
}

/** Whether the grammar's `root` rule matches the whole of `text`. */
export function matchesGbnf(grammar: string, text: string): boolean {
  const rules = parseGbnf(grammar);
  const root = rules.get("root");
  if (root === undefined) throw new Error("GBNF: no root rule");
  return ends(rules, root, text, 0).has(text.length);
}
