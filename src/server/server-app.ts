/**
 * The console's HTTP server as a Hono app: the API under /api (every route but the health check and the
 * OpenAPI document needs a token), and the dashboard's built files everywhere else. Tests call
 * `app.request()` on it; `shopfloor serve` hands it to @hono/node-server.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import { authenticate } from "./access/require-access.js";
import type { ConsoleServices } from "./console-services.js";
import { errorBody, respondToError, respondToInvalidRequest } from "./http-errors.js";
import { accessApi } from "./routes/access/access-api.js";
import { factoryApi } from "./routes/factory/factory-api.js";
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
  // nosniff, no framing by other sites, no referrer: the dashboard holds a token. HSTS is left to the
  // TLS proxy a team puts in front: this server speaks plain HTTP.
  app.use("*", secureHeaders({ strictTransportSecurity: false }));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token from `shopfloor init` or `shopfloor token create`",
  });
  app.openapi(healthRoute, (context) => context.json({ ok: true as const }, 200));
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "shopfloor",
      version: options.version,
      description:
        "The factory manager's console: the line, money, settings, production, the factory (agents, suites, calibrations, the release host).",
    },
  });
  app.use("/api/*", authenticate(services.tokens));
  app
    .route("/api", lineApi(services))
    .route("/api", moneyApi(services))
    .route("/api", settingsApi(services))
    .route("/api", productionApi(services))
    .route("/api", accessApi(services))
    .route("/api", factoryApi(services));
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

/** The one route without a token, for load balancers and `serve`'s own tests. */
const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["server"],
  summary: "Whether the server answers (no token needed)",
  responses: {
    200: {
      description: "The server is up",
      content: { "application/json": { schema: z.strictObject({ ok: z.literal(true) }) } },
    },
  },
});

/**
 * The built files as they are (node-server 2.x joins an absolute root as it is). Any other path a browser
 * navigates to is a page of the single-page app (`/items/abc`), so index.html; a missing file the page
 * asked for (`/assets/gone.js`) is a 404, not a page of HTML where a script was expected.
 */
function serveDashboard(app: OpenAPIHono<ServerEnv>, webRoot: string): void {
  app.use("/*", serveStatic({ root: webRoot }));
  const index = serveStatic({ root: webRoot, path: "index.html" });
  app.get("/*", async (context, next) => {
    if (looksLikeFile(context.req.path) && !acceptsHtml(context.req.header("accept"))) {
      return context.text("Not found", 404);
    }
    return index(context, next);
  });
}

function looksLikeFile(path: string): boolean {
  return /\.[A-Za-z0-9]+$/.test(path);
}

function acceptsHtml(accept: string | undefined): boolean {
  return accept?.includes("text/html") === true;
}
