/**
 * The console's HTTP server as a Hono app: the API under /api (every route but the health check and the
 * OpenAPI document needs a token), and the dashboard's built files everywhere else. Tests call
 * `app.request()` on it; `shopfloor serve` hands it to @hono/node-server.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { authenticate } from "./access/require-access.js";
import type { ConsoleServices } from "./console-services.js";
import { errorBody, respondToError, respondToInvalidRequest } from "./http-errors.js";
import { accessApi } from "./routes/access/access-api.js";
import { lineApi } from "./routes/line/line-api.js";
import { moneyApi } from "./routes/money/money-api.js";
import { productionApi } from "./routes/production/production-api.js";
import { settingsApi } from "./routes/settings/settings-api.js";
import type { ServerEnv } from "./server-env.js";

export interface ServerAppOptions {
  /** The dashboard's built files (dist/web); without them, only the API is served. */
  webRoot?: string;
  /** shopfloor's version, for the OpenAPI document. */
  version: string;
}

export function createServerApp(services: ConsoleServices, options: ServerAppOptions) {
  const app = new OpenAPIHono<ServerEnv>({ defaultHook: respondToInvalidRequest });
  app.onError(respondToError);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token from `shopfloor init` or `shopfloor token create`",
  });
  app.get("/api/health", (context) => context.json({ ok: true }));
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "shopfloor",
      version: options.version,
      description: "The factory manager's console: the line, money, settings, production.",
    },
  });
  app.use("/api/*", authenticate(services.tokens));
  app
    .route("/api", lineApi(services))
    .route("/api", moneyApi(services))
    .route("/api", settingsApi(services))
    .route("/api", productionApi(services))
    .route("/api", accessApi(services));
  app.all("/api/*", (context) =>
    context.json(
      errorBody("not-found", `there is no route ${context.req.method} ${context.req.path}`),
      404,
    ),
  );
  if (options.webRoot !== undefined && existsSync(join(options.webRoot, "index.html"))) {
    serveDashboard(app, options.webRoot);
  }
  return app;
}

export type ServerApp = ReturnType<typeof createServerApp>;

/** The built files as they are; any other path is a page of the single-page app, so index.html. */
function serveDashboard(app: OpenAPIHono<ServerEnv>, webRoot: string): void {
  const root = relative(process.cwd(), webRoot) || ".";
  app.use("/*", serveStatic({ root }));
  app.get("/*", serveStatic({ root, path: "index.html" }));
}
