/**
 * Who is signed in and what the token may do (GET /api/session), loaded once per token and shared by
 * the shell and every page, so pages hide or disable the actions a token cannot take. The server checks
 * the scope again on every call; this only spares people buttons that would answer 403.
 */
import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { AccessScope } from "../../../src/server/access/access-scopes.js";
import { sessionRoute } from "../../../src/server/routes/access/access-routes.js";
import { useRouteData } from "./use-route-data.js";

export interface Session {
  /** The token's name; undefined until the session is known. */
  name: string | undefined;
  scopes: readonly AccessScope[];
  /** False until the session is known, so actions appear only once they are allowed. */
  can(scope: AccessScope): boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useRouteData(sessionRoute);
  const token = session.data?.token;
  const value = useMemo<Session>(() => {
    const scopes = token?.scopes ?? [];
    return { name: token?.name, scopes, can: (scope) => scopes.includes(scope) };
  }, [token]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error("useSession is used outside <SessionProvider>");
  return session;
}

/** The hint beside an action the token may not take. */
export function needsScope(scope: AccessScope): string {
  return `needs a token with the ${scope} scope`;
}
