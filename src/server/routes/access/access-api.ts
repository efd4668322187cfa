/** The API's routes for access tokens. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRouter } from "../../api-router.js";
import type { ConsoleServices } from "../../console-services.js";
import type { ServerEnv } from "../../server-env.js";
import {
  createTokenRoute,
  revokeTokenRoute,
  rotateTokenRoute,
  sessionRoute,
  tokensRoute,
} from "./access-routes.js";

export function accessApi(services: ConsoleServices): OpenAPIHono<ServerEnv> {
  const { tokens } = services;
  return apiRouter()
    .openapi(sessionRoute, (context) => context.json({ token: context.get("access") }, 200))
    .openapi(tokensRoute, async (context) => context.json({ tokens: await tokens.list() }, 200))
    .openapi(createTokenRoute, async (context) => {
      const { name, scopes } = context.req.valid("json");
      return context.json(await tokens.create(name, scopes), 201);
    })
    .openapi(rotateTokenRoute, async (context) =>
      context.json(await tokens.rotate(context.req.valid("param").name), 200),
    )
    .openapi(revokeTokenRoute, async (context) => {
      await tokens.revoke(context.req.valid("param").name, { keepConfigureAccess: true });
      return context.body(null, 204);
    });
}
