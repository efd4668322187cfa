/** What the server's handlers find on each request's context: the token that made it, once checked. */
import type { AccessToken } from "./access/access-tokens.js";

export interface ServerEnv {
  Variables: { access: AccessToken };
}
