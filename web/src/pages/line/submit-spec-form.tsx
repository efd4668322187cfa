/**
 * "Submit a spec": a name, the Markdown, and a profile (default: the spec's front matter, else the
 * config's default). "Check" runs the requirements lint first and shows the score and findings, so a
 * vague spec is fixed before it costs anything; "Submit" starts a work item at intake. Errors show next
 * to the field the server named.
 */
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { lintRoute, submitRoute } from "../../../../src/server/routes/line/line-routes.js";
import { useApi } from "../../api/api-context.js";
import type { RouteAnswer } from "../../api/call-route.js";
import type { ProfileNames } from "../../api/use-profile-names.js";
import { FieldMessage, FormError } from "../../components/form-error.js";
import { StateBadge } from "../../components/state-badge.js";
import { testIds } from "../../test-ids.js";

type LintAnswer = RouteAnswer<typeof lintRoute>;
type SubmitAnswer = RouteAnswer<typeof submitRoute>;

const exampleSpec = `---
name: todo-api
---
# Todo API

A small HTTP service that keeps a list of todos.
`;

export function SubmitSpecForm({ profiles }: { profiles: ProfileNames }) {
  const api = useApi();
  const [name, setName] = useState("");
  const [spec, setSpec] = useState("");
  const [profile, setProfile] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [lint, setLint] = useState<LintAnswer>();
  const [submitted, setSubmitted] = useState<SubmitAnswer>();

  const body = () => ({ name: name.trim(), spec, ...(profile === "" ? {} : { profile }) });
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      setLint(await api.call(lintRoute, { json: body() }));
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const item = await api.call(submitRoute, { json: body() });
      setSubmitted(item);
      setLint(undefined);
      setSpec("");
      setName("");
    });
  };

  return (
    <form className="card" onSubmit={submit} data-testid={testIds.submitForm}>
      <h2 className="card-title">Submit a spec</h2>
      {submitted !== undefined && (
        <div className="notice">
          Submitted as{" "}
          <Link href={`/items/${encodeURIComponent(submitted.id)}`} className="mono">
            {submitted.id}
          </Link>{" "}
          <StateBadge state={submitted.state} />
        </div>
      )}
      <FormError error={error} fields={["name", "spec", "profile"]} />
      <div className="form-row">
        <div className="field">
          <label htmlFor="submit-name">File name</label>
          <input
            id="submit-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="todo-api.md"
            required
          />
          <FieldMessage error={error} field="name" />
        </div>
        <div className="field">
          <label htmlFor="submit-profile">Profile</label>
          <select
            id="submit-profile"
            value={profile}
            onChange={(event) => setProfile(event.target.value)}
          >
            <option value="">
              the spec's, else the default
              {profiles.defaultProfile === undefined ? "" : ` (${profiles.defaultProfile})`}
            </option>
            {profiles.names.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
          <FieldMessage error={error} field="profile" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="submit-spec">Spec (Markdown)</label>
        <textarea
          id="submit-spec"
          rows={10}
          value={spec}
          onChange={(event) => setSpec(event.target.value)}
          placeholder={exampleSpec}
          required
        />
        <FieldMessage error={error} field="spec" />
      </div>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Submit
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || spec.trim() === "" || name.trim() === ""}
          onClick={() => void check()}
        >
          Check the spec
        </button>
      </div>
      {lint !== undefined && <LintResult report={lint} />}
    </form>
  );
}

function LintResult({ report }: { report: LintAnswer }) {
  return (
    <div style={{ marginTop: 10 }}>
      <div className="row">
        <StateBadge
          state={report.decision === "pass" ? "pass" : "inconclusive"}
          label={report.decision}
        />
        <span>
          score <strong>{report.score}</strong> (this profile asks for {report.minimumScore})
        </span>
      </div>
      {report.findings.length > 0 && (
        <ul className="small" style={{ paddingLeft: 18, margin: "6px 0 0" }}>
          {report.findings.map((finding) => (
            <li key={`${finding.line}-${finding.rule}-${finding.text}`}>
              line {finding.line}, {finding.rule}: {finding.message}{" "}
              <span className="muted">— {finding.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
