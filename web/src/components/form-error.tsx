/**
 * Where a failed call's error shows: next to the field the server named (`ApiRequestError.field`, a
 * dotted path such as `dailyBudgetUsd`), or above the form when it named none. `fieldError(error,
 * "reason")` gives a field's message; `FormError` shows what no field took.
 */
import { ApiRequestError } from "../api/call-route.js";

export function fieldError(error: Error | undefined, field: string): string | undefined {
  if (!(error instanceof ApiRequestError) || error.field === undefined) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) ? error.message : undefined;
}

/** The error when it names none of `fields` (those show beside their field). */
export function FormError({
  error,
  fields = [],
}: {
  error: Error | undefined;
  fields?: readonly string[];
}) {
  if (error === undefined) return null;
  if (fields.some((field) => fieldError(error, field) !== undefined)) return null;
  return (
    <div className="error" role="alert">
      {error.message}
    </div>
  );
}

export function FieldMessage({ error, field }: { error: Error | undefined; field: string }) {
  const message = fieldError(error, field);
  if (message === undefined) return null;
  return (
    <span className="field-error" role="alert">
      {message}
    </span>
  );
}
