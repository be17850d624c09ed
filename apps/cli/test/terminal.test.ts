import { describe, expect, it } from "vitest";
import { describeTerminal, stripControl, toSafeLine } from "../src/ui/terminal.js";

const tty = { isTTY: true, columns: 120 } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe("describeTerminal", () => {
  it("is interactive and coloured on a TTY", () => {
    expect(describeTerminal(tty, {})).toEqual({ interactive: true, color: true, columns: 120 });
  });

  it("is plain when not a TTY, with NO_COLOR, or on a dumb terminal", () => {
    expect(describeTerminal(pipe, {})).toMatchObject({ interactive: false, color: false });
    expect(describeTerminal(tty, { NO_COLOR: "1" })).toMatchObject({
      interactive: false,
      color: false,
    });
    expect(describeTerminal(tty, { TERM: "dumb" })).toMatchObject({ interactive: false });
  });
});

describe("stripControl", () => {
  it("removes ANSI escape sequences whole, with their parameters", () => {
    expect(stripControl("a\u001b[2Jb\u001b[31mred\u001b[0m")).toBe("abred");
    expect(stripControl("x\u001b]0;title\u0007y")).toBe("xy");
    expect(stripControl("x\u009b2Jy")).toBe("xy");
  });

  it("removes other control characters and bidi overrides but keeps newlines and tabs", () => {
    expect(stripControl("a\u0007b\u202ec\u0000d")).toBe("abcd");
    expect(stripControl("a\nb\tc")).toBe("a\nb\tc");
  });
});

describe("toSafeLine", () => {
  it("flattens text to one line and cuts it with an ellipsis", () => {
    expect(toSafeLine("one\ntwo\u001b[2K   three")).toBe("one two three");
    expect(toSafeLine("abcdefghij", 5)).toBe("abcd…");
  });
});
