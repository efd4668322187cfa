/**
 * What a token may do. `read`: every GET and the event stream. `operate`: work the line (submit specs,
 * decide exceptions, roll back, run a monitor cycle). `configure`: change profiles, budgets and tokens.
 */
import { z } from "@hono/zod-openapi";

export const accessScopes = ["read", "operate", "configure"] as const;
export const AccessScope = z.enum(accessScopes);
export type AccessScope = z.infer<typeof AccessScope>;

/** The manager's token, made by `shopfloor init` (and `serve` on a home without one), may do everything. */
export const managerScopes: readonly AccessScope[] = accessScopes;
