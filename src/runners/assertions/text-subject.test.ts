import { describe, expect, it } from "vitest";
import {
  cliObservation,
  functionObservation,
  httpObservation,
} from "../../../test/support/test-observations.js";
import { textSubject } from "./text-subject.js";

describe("textSubject", () => {
  it("is the body, stdout, or the return value", () => {
    expect(textSubject(httpObservation({ bodyText: "<p>hi</p>" }))).toEqual({
      ok: true,
      name: "the body",
      text: "<p>hi</p>",
    });
    expect(textSubject(cliObservation({ stdout: "ok\n" }))).toEqual({
      ok: true,
      name: "stdout",
      text: "ok\n",
    });
    expect(textSubject(functionObservation({ returned: { total: 3 } }))).toMatchObject({
      text: '{"total":3}',
    });
  });

  it("reads a returned string as itself", () => {
    expect(textSubject(functionObservation({ returned: "Hello" }))).toMatchObject({
      text: "Hello",
    });
  });

  it("has no text when the call threw", () => {
    expect(textSubject(functionObservation({ threw: { name: "Error", message: "no" } }))).toEqual({
      ok: false,
      reason: "expected a return value, but the call threw Error: no",
    });
  });
});
