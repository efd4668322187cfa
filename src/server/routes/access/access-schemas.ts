/** The access area's request and answer schemas: who is signed in, and the factory's tokens. */
import { z } from "@hono/zod-openapi";
import { AccessScope } from "../../access/access-scopes.js";
import { AccessToken as AccessTokenFields, TokenName } from "../../access/access-token.js";

export const AccessToken = AccessTokenFields.openapi("AccessToken", {
  description: "A token as listed: its name, scopes and the first characters of its secret",
});

export const SessionAnswer = z
  .strictObject({ token: AccessToken })
  .openapi("Session", { description: "The token this request was made with" });

export const TokenList = z.strictObject({ tokens: z.array(AccessToken) }).openapi("TokenList");

export const CreateTokenRequest = z
  .strictObject({
    name: TokenName.openapi({ example: "ci-bot" }),
    scopes: z
      .array(AccessScope)
      .min(1, "give one or more of read, operate, configure")
      .openapi({ example: ["read", "operate"] }),
  })
  .openapi("CreateTokenRequest");

export const IssuedToken = z
  .strictObject({
    token: AccessToken,
    /** Shown once: only its hash is kept. */
    secret: z.string().openapi({ description: "The bearer secret, shown this once" }),
  })
  .openapi("IssuedToken");

export const TokenNameParams = z.strictObject({
  name: TokenName.openapi({ param: { name: "name", in: "path" }, example: "ci-bot" }),
});
