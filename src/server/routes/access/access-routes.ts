/** The access area's routes: who is signed in, and the tokens a manager lists, creates, rotates, revokes. */
import { createRoute } from "@hono/zod-openapi";
import { scoped } from "../../access/require-access.js";
import { errorResponses } from "../../http-errors.js";
import {
  CreateTokenRequest,
  IssuedToken,
  SessionAnswer,
  TokenList,
  TokenNameParams,
} from "./access-schemas.js";

const json = <Schema>(schema: Schema) => ({ "application/json": { schema } });

export const sessionRoute = createRoute({
  method: "get",
  path: "/session",
  tags: ["access"],
  summary: "The signed-in token: its name and scopes (any valid token)",
  security: [{ bearer: [] }],
  responses: {
    200: { description: "The token of this request", content: json(SessionAnswer) },
    ...errorResponses(),
  },
});

export const tokensRoute = createRoute({
  method: "get",
  path: "/tokens",
  tags: ["access"],
  summary: "Every token (never a secret)",
  ...scoped("configure"),
  responses: {
    200: { description: "The tokens", content: json(TokenList) },
    ...errorResponses(),
  },
});

export const createTokenRoute = createRoute({
  method: "post",
  path: "/tokens",
  tags: ["access"],
  summary: "Create a token; its secret is in the answer, and only there",
  ...scoped("configure"),
  request: { body: { required: true, content: json(CreateTokenRequest) } },
  responses: {
    201: { description: "The token and its secret", content: json(IssuedToken) },
    ...errorResponses(400),
  },
});

export const rotateTokenRoute = createRoute({
  method: "post",
  path: "/tokens/{name}/rotate",
  tags: ["access"],
  summary: "Give a token a new secret; the old one stops working at once",
  ...scoped("configure"),
  request: { params: TokenNameParams },
  responses: {
    200: { description: "The token and its new secret", content: json(IssuedToken) },
    ...errorResponses(400, 404),
  },
});

export const revokeTokenRoute = createRoute({
  method: "delete",
  path: "/tokens/{name}",
  tags: ["access"],
  summary: "Revoke a token (not the last one that may configure)",
  ...scoped("configure"),
  request: { params: TokenNameParams },
  responses: {
    204: { description: "Revoked" },
    ...errorResponses(400, 404),
  },
});
