import { describe, expect, it } from "vitest";
import { CompileCache, type Compiled, errorText } from "./compiled.js";

describe("CompileCache", () => {
  it("compiles each key once", () => {
    const cache = new CompileCache<number>();
    let compilations = 0;
    const compile = (): Compiled<number> => {
      compilations += 1;
      return { ok: true, value: compilations };
    };
    expect(cache.get("a", compile)).toEqual({ ok: true, value: 1 });
    expect(cache.get("a", compile)).toEqual({ ok: true, value: 1 });
    expect(compilations).toBe(1);
  });

  it("keeps failures too, and never grows past its capacity", () => {
    const cache = new CompileCache<number>(2);
    let compilations = 0;
    const fail = (): Compiled<number> => {
      compilations += 1;
      return { ok: false, error: "bad" };
    };
    cache.get("a", fail);
    cache.get("a", fail);
    expect(compilations).toBe(1);
    cache.get("b", fail);
    cache.get("c", fail); // full: starts again
    cache.get("a", fail);
    expect(compilations).toBe(4);
  });
});

describe("errorText", () => {
  it("gives the message of an error and the text of anything else", () => {
    expect(errorText(new Error("boom"))).toBe("boom");
    expect(errorText("plain")).toBe("plain");
  });
});
