/**
 * A token as the API and the CLI show it: its name, scopes and the first characters of its secret, never
 * the secret. Browser-safe (no node modules), so the dashboard's route definitions can import it.
 */
import { z } from "@hono/zod-openapi";
import { AccessScope } from "./access-scopes.js";

export const TokenName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,39}$/,
    "a name of lowercase letters, digits and dashes, such as ci-bot",
  );

export const AccessToken = z.strictObject({
  name: TokenName,
  scopes: z.array(AccessScope).min(1),
  /** The secret's first characters, to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.string(),
  rotatedAt: z.string().optional(),
});
export type AccessToken = z.infer<typeof AccessToken>;
