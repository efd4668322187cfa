/**
 * What the demo runs: the example specs with the builds written to them, and the faulty build whose
 * three faults the generated suite must catch.
 */
export interface DemoExample {
  name: string;
  story: string;
  /** Relative to the package root. */
  spec: string;
  build: DemoBuild;
}

export type DemoBuild =
  | { kind: "http"; command: string; folder: string }
  | { kind: "cli"; folder: string };

export const demoExamples: readonly DemoExample[] = [
  {
    name: "todo-api",
    story: "a plain CRUD service",
    spec: "examples/todo-api/spec.md",
    build: { kind: "http", command: "node server.mjs", folder: "examples/todo-api/build" },
  },
  {
    name: "inventory-api",
    story: "a service with business rules (stock only moves through actions)",
    spec: "examples/inventory-api/spec.md",
    build: { kind: "http", command: "node server.mjs", folder: "examples/inventory-api/build" },
  },
  {
    name: "tempconv",
    story: "a command-line tool",
    spec: "examples/tempconv/spec.md",
    build: { kind: "cli", folder: "examples/tempconv/build" },
  },
  {
    name: "inventory-api (faulty build)",
    story:
      "the same service with three labelled faults: a missing validation, a crash on a quote, a wrong status code",
    spec: "examples/inventory-api/spec.md",
    build: {
      kind: "http",
      command: "node server.mjs",
      folder: "examples/inventory-api/faulty-build",
    },
  },
];
