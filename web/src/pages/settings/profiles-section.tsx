/**
 * The quality profiles (GET /api/profiles) and the form with the planner beside it. The form opens on
 * the default profile in "try" mode, so the planner is there from the start; a card's buttons open it
 * on another profile to try, edit or copy. The config file the changes go to is named.
 */
import { useState } from "react";
import type { ProfileDefinition } from "../../../../src/contracts/config.js";
import type { ScenarioCategory } from "../../../../src/contracts/scenario-category.js";
import { profilesRoute } from "../../../../src/server/routes/settings/settings-routes.js";
import { useSession } from "../../api/session-context.js";
import { useRouteData } from "../../api/use-route-data.js";
import { LoadState } from "../../components/load-state.js";
import { type EditorRequest, ProfileCard, type ProfileEntry } from "./profile-card.js";
import { draftOf } from "./profile-draft.js";
import { type EditorTarget, ProfileEditor } from "./profile-editor.js";

interface Selection {
  name: string;
  request: EditorRequest;
  /** Counts openings, so opening the same profile again starts a fresh form. */
  serial: number;
}

export function ProfilesSection() {
  const session = useSession();
  const canConfigure = session.can("configure");
  const profiles = useRouteData(profilesRoute);
  // undefined: the default profile, to try; null: the form is closed.
  const [selection, setSelection] = useState<Selection | null>();
  const [notice, setNotice] = useState<string>();
  const open = (entry: ProfileEntry, request: EditorRequest) => {
    setNotice(undefined);
    setSelection((previous) => ({
      name: entry.name,
      request,
      serial: (previous?.serial ?? 0) + 1,
    }));
  };

  return (
    <LoadState data={profiles} what="the quality profiles">
      {(answer) => {
        const wanted =
          selection === undefined
            ? { name: answer.defaultProfile, request: "try" as const, serial: 0 }
            : selection;
        const entry =
          wanted === null ? undefined : answer.profiles.find((each) => each.name === wanted.name);
        const target =
          wanted === null || entry === undefined
            ? undefined
            : editorTarget(entry, wanted.request, answer.profiles);
        return (
          <>
            <h2 className="section-title">
              Quality profiles{" "}
              <span className="muted small">
                default {answer.defaultProfile}; changes are saved to{" "}
                <code>{answer.configPath}</code>
              </span>
            </h2>
            {notice === undefined ? null : <div className="notice">{notice}</div>}
            {target === undefined || wanted === null ? (
              <p className="muted">
                Choose Plan, Edit or New on a profile below to open the form and the planner.
              </p>
            ) : (
              <ProfileEditor
                key={`${wanted.serial}:${JSON.stringify(entry)}`}
                target={target}
                takenNames={answer.profiles.map((each) => each.name)}
                canConfigure={canConfigure}
                onSaved={(name) => {
                  setNotice(`Saved the profile ${name} to ${answer.configPath}.`);
                  setSelection((previous) => ({
                    name,
                    request: "edit",
                    serial: (previous?.serial ?? 0) + 1,
                  }));
                  profiles.reload();
                }}
                onClose={() => setSelection(null)}
              />
            )}
            <div className="grid grid-wide">
              {answer.profiles.map((each) => (
                <ProfileCard
                  key={each.name}
                  entry={each}
                  canConfigure={canConfigure}
                  onOpen={open}
                  onChanged={() => {
                    setNotice(undefined);
                    profiles.reload();
                  }}
                />
              ))}
            </div>
          </>
        );
      }}
    </LoadState>
  );
}

/** The form's starting point for a profile and what the person asked to do with it. */
function editorTarget(
  entry: ProfileEntry,
  request: EditorRequest,
  entries: readonly ProfileEntry[],
): EditorTarget | undefined {
  const profile = entry.profile;
  if (profile === undefined) return undefined;
  const gated = Object.keys(profile.categories) as ScenarioCategory[];
  if (request === "new") {
    const draft = draftOf("", profile, { extends: entry.name }, gated);
    return { mode: "new", draft: { ...draft, description: `Based on ${entry.name}.` } };
  }
  // A definition can add categories to what it starts from but not take them away.
  const start: ProfileDefinition = entry.definition ?? {};
  const base =
    start.extends === undefined
      ? entry.builtIn
        ? builtInCategories(entry)
        : []
      : Object.keys(entries.find((each) => each.name === start.extends)?.profile?.categories ?? {});
  return {
    mode: request,
    draft: draftOf(entry.name, profile, start, base as ScenarioCategory[]),
  };
}

/** Every built-in profile gates all three categories. */
function builtInCategories(entry: ProfileEntry): string[] {
  return entry.categories.map((gate) => gate.category);
}
