/**
 * The host daemon's control API: the ReleaseHost calls as HTTP over its unix socket, so that the
 * commands that deploy and watch releases (each its own short-lived process) drive the one daemon that
 * runs them. Bodies are validated with zod (400 naming the field); a DeployError answers 422 with the
 * release it is about (the client turns it back into the same error); anything else answers 500.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { ShopfloorError } from "../../../contracts/errors.js";
import { fieldPath } from "../../../contracts/invalid-input.js";
import { DeployError } from "../../deploy-error.js";
import type { ReleaseHost } from "../release-host.js";

export const ReleaseLaunchBody = z.strictObject({
  release: z.string().min(1),
  service: z.string().min(1),
  directory: z.string().min(1),
  command: z.string().min(1),
  healthPath: z.string().min(1),
  healthTimeoutMs: z.number().positive(),
  env: z.record(z.string(), z.string()),
});

export const RouteBody = z.strictObject({
  shares: z.array(z.strictObject({ release: z.string().min(1), share: z.number().min(0).max(1) })),
  port: z.int().min(0).max(65_535).optional(),
});

/** What every error answer carries; `release` for a DeployError, `field` for a bad body. */
export interface ControlErrorBody {
  error: { code: string; message: string; release?: string; field?: string; retryable?: boolean };
}

export interface ControlAppOptions {
  host: ReleaseHost;
  /** Asked by `POST /shutdown`; the daemon stops after the answer has gone out. */
  onShutdown(): void;
}

export function createControlApp(options: ControlAppOptions): Hono {
  const { host } = options;
  const app = new Hono();

  app.post("/launch", async (context) => {
    const launch = await parseBody(context, ReleaseLaunchBody);
    return context.json(await host.launch(launch));
  });

  app.put("/services/:service/route", async (context) => {
    const body = await parseBody(context, RouteBody);
    const service = context.req.param("service");
    return context.json(await host.route(service, body.shares, body.port));
  });

  app.post("/releases/:release/stop", async (context) => {
    await host.stop(context.req.param("release"));
    return context.body(null, 204);
  });

  app.get("/status", async (context) => context.json(await host.status()));

  app.post("/shutdown", (context) => {
    options.onShutdown();
    return context.json({ shuttingDown: true }, 202);
  });

  app.notFound((context) =>
    context.json(
      errorBody("not-found", `no such control call: ${context.req.method} ${context.req.path}`),
      404,
    ),
  );

  app.onError((error, context) => {
    if (error instanceof BodyError) {
      return context.json(errorBody("invalid-input", error.message, { field: error.field }), 400);
    }
    if (error instanceof DeployError) {
      return context.json(
        errorBody(error.code, error.message, {
          release: error.release,
          retryable: error.retryable,
        }),
        422,
      );
    }
    const code = error instanceof ShopfloorError ? error.code : "internal";
    return context.json(errorBody(code, error.message), 500);
  });

  return app;
}

class BodyError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

async function parseBody<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await context.req.json();
  } catch {
    throw new BodyError("(the whole value)", "the body is not JSON");
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = fieldPath(issue?.path ?? []);
  throw new BodyError(field, `field "${field}": ${issue?.message ?? "invalid"}`);
}

function errorBody(
  code: string,
  message: string,
  facts: { release?: string; field?: string; retryable?: boolean } = {},
): ControlErrorBody {
  return { error: { code, message, ...facts } };
}
