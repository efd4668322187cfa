import { describe, expect, it } from "vitest";
import { thrownBy, useLineStore } from "../../../test/line/support/line-store-harness.js";

const line = useLineStore();

describe("incidents", () => {
  const breach = (workItem: string) => ({
    service: "todo-api",
    release: "todo-api-r2",
    rolledBackTo: "todo-api-r1",
    workItem,
    by: "monitor",
    summary: "7 of 20 probes failed: above the 1% error rate",
    evidence: { failures: 7, probes: 20, failing: [{ scenario: "create" }] },
  });

  it("opens an incident with its evidence and an incident.open event, and names its fix item", async () => {
    const item = await line.newItem();
    line.heard.length = 0;
    line.advance(5000);
    const incident = await line.store.incidents.openIncident(breach(item.id));
    expect(incident).toEqual({
      id: "00000002",
      ...breach(item.id),
      openedAt: "2026-11-24T09:00:05.000Z",
    });
    expect(line.heard.map((event) => [event.type, event.workItem, event.payload])).toEqual([
      [
        "incident.open",
        item.id,
        {
          incident: "00000002",
          release: "todo-api-r2",
          summary: "7 of 20 probes failed: above the 1% error rate",
        },
      ],
    ]);
    const fixed = await line.store.incidents.setIncidentFixItem(incident.id, "todo-api-000003");
    expect(fixed).toEqual({ ...incident, fixItem: "todo-api-000003" });
    expect(await line.store.incidents.incident(incident.id)).toEqual(fixed);
    const unknown = await thrownBy(line.store.incidents.setIncidentFixItem("ffffffff", "x"));
    expect(unknown.code).toBe("not-found");
  });

  it("refuses an incident of an unknown item or without a summary, and writes nothing", async () => {
    const item = await line.newItem();
    const unknown = await thrownBy(line.store.incidents.openIncident(breach("nothing-000000")));
    expect(unknown.code).toBe("not-found");
    const silent = await thrownBy(
      line.store.incidents.openIncident({ ...breach(item.id), summary: "" }),
    );
    expect(silent.code).toBe("invalid-argument");
    expect(await line.store.incidents.incidents()).toEqual([]);
    expect((await line.store.events()).map((event) => event.type)).toEqual(["work-item.create"]);
  });

  it("lists incidents newest first, by service and by item", async () => {
    const todo = await line.newItem();
    const inventory = await line.newItem("inventory-api");
    const first = await line.store.incidents.openIncident(breach(todo.id));
    line.advance(1000);
    const second = await line.store.incidents.openIncident({
      ...breach(inventory.id),
      service: "inventory-api",
      release: "inventory-api-r1",
      rolledBackTo: undefined,
      by: "ana@example.com",
    });
    const ids = (list: { id: string }[]) => list.map((incident) => incident.id);
    expect(ids(await line.store.incidents.incidents())).toEqual([second.id, first.id]);
    expect(ids(await line.store.incidents.incidents({ service: "todo-api" }))).toEqual([first.id]);
    expect(ids(await line.store.incidents.incidents({ workItem: inventory.id }))).toEqual([
      second.id,
    ]);
    expect(second).not.toHaveProperty("rolledBackTo");
    expect(await line.store.incidents.incident("ffffffff")).toBeUndefined();
  });
});
