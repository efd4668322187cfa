/**
 * A page's data from one GET route: loaded on mount and whenever `refreshKey` changes (pages pass the
 * latest event's sequence, so they follow the line live), with the error the server gave, if any.
 * The previous data stays on screen while a refresh loads.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import { useCallback, useEffect, useState } from "react";
import { useApi } from "./api-context.js";
import type { RouteAnswer, RouteInput } from "./call-route.js";

export interface RouteData<Answer> {
  data: Answer | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

export function useRouteData<Route extends RouteConfig>(
  route: Route,
  input: RouteInput<Route> = {},
  refreshKey: unknown = undefined,
): RouteData<RouteAnswer<Route>> {
  const api = useApi();
  const inputKey = JSON.stringify(input);
  // What was loaded is kept with the input it was loaded for: another item's data must not show while
  // this one loads, but this item's data stays on screen while it refreshes.
  const [loaded, setLoaded] = useState<Loaded<RouteAnswer<Route>>>();
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the input is compared by its JSON; reloads and refreshKey only trigger.
  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .call(route, JSON.parse(inputKey) as RouteInput<Route>)
      .then((answer) => {
        if (current) setLoaded({ inputKey, data: answer, error: undefined });
      })
      .catch((failure: unknown) => {
        if (!current) return;
        const error = failure instanceof Error ? failure : new Error(String(failure));
        setLoaded((previous) => ({
          inputKey,
          data: previous?.inputKey === inputKey ? previous.data : undefined,
          error,
        }));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [api, route, inputKey, refreshKey, reloads]);
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const mine = loaded?.inputKey === inputKey ? loaded : undefined;
  return { data: mine?.data, error: mine?.error, loading: loading || mine === undefined, reload };
}

interface Loaded<Answer> {
  inputKey: string;
  data: Answer | undefined;
  error: Error | undefined;
}
