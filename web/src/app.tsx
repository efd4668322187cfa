/**
 * The dashboard's shell: the sign-in when there is no token, else the navigation and the page the
 * address names. Every page gets the API connection from `useApi()`.
 */
import { Link, Route, Switch } from "wouter";
import { ApiProvider, useApi } from "./api/api-context.js";
import { SessionProvider, useSession } from "./api/session-context.js";
import { SignIn } from "./components/sign-in.js";
import { ExceptionsPage } from "./pages/exceptions-page.js";
import { LinePage } from "./pages/line-page.js";
import { MoneyPage } from "./pages/money-page.js";
import { ReleasesPage } from "./pages/releases-page.js";
import { SettingsPage } from "./pages/settings-page.js";
import { WorkItemPage } from "./pages/work-item-page.js";

const sections = [
  { path: "/", label: "Line" },
  { path: "/exceptions", label: "Exceptions" },
  { path: "/money", label: "Money" },
  { path: "/settings", label: "Profiles & budget" },
  { path: "/releases", label: "Releases" },
] as const;

export function App() {
  return (
    <ApiProvider>
      <Console />
    </ApiProvider>
  );
}

function Console() {
  const api = useApi();
  if (api.token === undefined) return <SignIn />;
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const api = useApi();
  const session = useSession();
  return (
    <div className="console">
      <nav className="console-nav">
        <span className="brand">shopfloor</span>
        {sections.map((section) => (
          <Link
            key={section.path}
            href={section.path}
            className={(active) => (active ? "active" : "")}
          >
            {section.label}
          </Link>
        ))}
        <span className="nav-spacer" />
        {session.name !== undefined && (
          <span className="session" title={`may ${session.scopes.join(", ")}`}>
            {session.name} · {session.scopes.join(", ")}
          </span>
        )}
        <button type="button" className="sign-out" onClick={() => api.signOut()}>
          Sign out
        </button>
      </nav>
      <main className="console-page">
        <Switch>
          <Route path="/" component={LinePage} />
          <Route path="/items/:id">{(params) => <WorkItemPage id={params.id} />}</Route>
          <Route path="/exceptions" component={ExceptionsPage} />
          <Route path="/money" component={MoneyPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/releases" component={ReleasesPage} />
          <Route>
            <p>There is no such page. The navigation above lists them.</p>
          </Route>
        </Switch>
      </main>
    </div>
  );
}
