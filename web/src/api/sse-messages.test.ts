import { describe, expect, it } from "vitest";
import { SseMessages } from "./sse-messages.js";

describe("SseMessages", () => {
  it("gives the data of each complete message, in order, ignoring ids, types and comments", () => {
    const messages = new SseMessages();
    expect(
      messages.push(
        'id: 1\nevent: work-item.create\ndata: {"sequence":1}\n\n: ping\n\nid: 2\ndata: {"sequence":2}\n\n',
      ),
    ).toEqual(['{"sequence":1}', '{"sequence":2}']);
  });

  it("keeps a message split across chunks until its blank line arrives", () => {
    const messages = new SseMessages();
    expect(messages.push("id: 7\nda")).toEqual([]);
    expect(messages.push('ta: {"seq')).toEqual([]);
    expect(messages.push('uence":7}\n')).toEqual([]);
    expect(messages.push("\nid: 8\n")).toEqual(['{"sequence":7}']);
  });

  it("joins multi-line data and reads CRLF line ends, even a CRLF split between chunks", () => {
    const messages = new SseMessages();
    expect(messages.push("data: first\r\ndata: second\r")).toEqual([]);
    expect(messages.push("\n\r\n")).toEqual(["first\nsecond"]);
    expect(messages.push("data:no space\r\rdata: x\n\n")).toEqual(["no space", "x"]);
  });
});
