/**
 * The page of quality profiles and budgets (`/settings`): the daily budget, its split and caps (PUT
 * /api/budget, with a reason), the agent line-up (which agents build), and the quality profiles with the
 * form and the planner beside it. Tokens without `configure` see everything, the planner works for
 * them, and the edit controls are disabled.
 */
import { budgetRoute } from "../../../src/server/routes/money/money-routes.js";
import { useSession } from "../api/session-context.js";
import { useRouteData } from "../api/use-route-data.js";
import { LoadState } from "../components/load-state.js";
import { BudgetForm } from "./settings/budget-form.js";
import { LineUpCard } from "./settings/line-up-card.js";
import { ProfilesSection } from "./settings/profiles-section.js";
import "./settings/settings.css";

export function SettingsPage() {
  const session = useSession();
  const budget = useRouteData(budgetRoute);
  return (
    <>
      <h1 className="page-title">
        Profiles &amp; budget
        {session.can("configure") ? null : (
          <span className="muted">read only: changes need a token with the configure scope</span>
        )}
      </h1>
      <LoadState data={budget} what="the budget">
        {(status) => (
          <BudgetForm
            status={status}
            canConfigure={session.can("configure")}
            onSaved={budget.reload}
          />
        )}
      </LoadState>
      <LineUpCard />
      <ProfilesSection />
    </>
  );
}
