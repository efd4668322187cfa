/**
 * The quality profiles a person may pick (submitting a spec, changing an item's profile): the names of
 * those that resolve, as GET /api/profiles lists them, and which is the default. Empty until loaded.
 */
import { profilesRoute } from "../../../src/server/routes/settings/settings-routes.js";
import { useRouteData } from "./use-route-data.js";

export interface ProfileNames {
  names: string[];
  defaultProfile: string | undefined;
}

export function useProfileNames(): ProfileNames {
  const answer = useRouteData(profilesRoute).data;
  return {
    names: (answer?.profiles ?? [])
      .filter((entry) => entry.profile !== undefined)
      .map((entry) => entry.name),
    defaultProfile: answer?.defaultProfile,
  };
}
