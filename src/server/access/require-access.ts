/**
 * The API's two checks: who is asking (a bearer token from the home's tokens, else 401), and whether
 * that token has the route's scope (else 403). Routes declare their scope with `scoped(scope)`.
 */
import type { MiddlewareHandler } from "hono";
import { errorBody } from "../http-errors.js";
import type { ServerEnv } from "../server-env.js";
import type { AccessScope } from "./access-scopes.js";
import type { AccessTokens } from "./access-tokens.js";

export function authenticate(tokens: AccessTokens): MiddlewareHandler<ServerEnv> {
  return async (context, next) => {
    const header = context.req.header("authorization");
    const secret = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (secret === undefined) {
      context.header("WWW-Authenticate", 'Bearer realm="shopfloor"');
      return context.json(
        errorBody(
          "unauthenticated",
          "this API needs a token: send `Authorization: Bearer <token>` (`shopfloor token create NAME` makes one)",
        ),
        401,
      );
    }
    const token = await tokens.verify(secret);
    if (token === undefined) {
      context.header("WWW-Authenticate", 'Bearer realm="shopfloor", error="invalid_token"');
      return context.json(
        errorBody(
          "unauthenticated",
          "this token is not valid here (revoked, rotated, or from another factory home)",
        ),
        401,
      );
    }
    context.set("access", token);
    await next();
  };
}

export function requireScope(scope: AccessScope): MiddlewareHandler<ServerEnv> {
  return async (context, next) => {
    const token = context.get("access");
    if (!token.scopes.includes(scope)) {
      return context.json(
        errorBody(
          "forbidden",
          `the token ${token.name} may ${token.scopes.join(", ")}; this needs the ${scope} scope`,
        ),
        403,
      );
    }
    await next();
  };
}

/** What a route adds to its definition to need a scope (and to say so in the OpenAPI document). */
export function scoped(scope: AccessScope) {
  return {
    security: [{ bearer: [scope] }],
    // One handler, not a readonly tuple: createRoute's `middleware` takes a handler or a mutable array.
    middleware: requireScope(scope),
  };
}
