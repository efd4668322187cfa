/**
 * The API connection every page uses: the token (a 401 signs out, so the sign-in asks again) and
 * `call(route, input)`, the typed client bound to it.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { storedToken, storeToken } from "./access-token.js";
import { ApiRequestError, callRoute, type RouteAnswer, type RouteInput } from "./call-route.js";

export interface Api {
  token: string | undefined;
  call<Route extends RouteConfig>(
    route: Route,
    input?: RouteInput<Route>,
  ): Promise<RouteAnswer<Route>>;
  signIn(token: string): void;
  signOut(): void;
}

const ApiContext = createContext<Api | undefined>(undefined);

export function ApiProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(storedToken);
  const signIn = useCallback((next: string) => {
    storeToken(next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    storeToken(undefined);
    setToken(undefined);
  }, []);
  const api = useMemo<Api>(
    () => ({
      token,
      signIn,
      signOut,
      async call(route, input) {
        try {
          return await callRoute({ token }, route, input);
        } catch (error) {
          if (error instanceof ApiRequestError && error.status === 401) signOut();
          throw error;
        }
      },
    }),
    [token, signIn, signOut],
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (api === undefined) throw new Error("useApi is used outside <ApiProvider>");
  return api;
}
