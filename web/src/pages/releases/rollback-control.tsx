/**
 * The Rollback button of a live release, for `operate` tokens: it asks for the reason (required, it goes
 * into the incident beside the person's name) before it calls POST /api/items/{id}/rollback, and says
 * which release took the traffic back.
 */
import { type FormEvent, useState } from "react";
import { rollbackRoute } from "../../../../src/server/routes/production/production-routes.js";
import { useApi } from "../../api/api-context.js";
import { ErrorMessage } from "../../components/load-state.js";

export function RollbackControl({
  workItem,
  release,
  onRolledBack,
}: {
  workItem: string;
  release: string;
  onRolledBack: (summary: string) => void;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  if (!open) {
    return (
      <button
        type="button"
        className="button button-danger button-small"
        data-testid={`rollback-${workItem}`}
        onClick={() => setOpen(true)}
      >
        Rollback
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === "") return;
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await api.call(rollbackRoute, {
        params: { id: workItem },
        json: { reason: reason.trim() },
      });
      setOpen(false);
      setReason("");
      onRolledBack(
        outcome.to === undefined
          ? `${outcome.release.id} was rolled back; its service had no earlier release to go back to.`
          : `${outcome.release.id} was rolled back; ${outcome.to.id} takes the traffic again.`,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="rollback-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`rollback-reason-${workItem}`}>Why roll {release} back? (recorded)</label>
        <input
          id={`rollback-reason-${workItem}`}
          name="reason"
          value={reason}
          required
          placeholder="e.g. customers report failed checkouts"
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <div className="row">
        <button
          type="submit"
          className="button button-danger button-small"
          data-testid={`confirm-rollback-${workItem}`}
          disabled={busy || reason.trim() === ""}
        >
          {busy ? "Rolling back…" : `Roll ${release} back`}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setError(undefined);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
