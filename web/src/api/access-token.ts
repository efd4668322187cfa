/**
 * The token the dashboard calls the API with: taken from the sign-in link's fragment (`#token=…`, which
 * never reaches a server log) or the sign-in form, and kept in this browser's local storage.
 */
const storageKey = "shopfloor.token";

export function storedToken(): string | undefined {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (fromLink !== null && fromLink !== "") {
    window.localStorage.setItem(storageKey, fromLink);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    return fromLink;
  }
  return window.localStorage.getItem(storageKey) ?? undefined;
}

export function storeToken(token: string | undefined): void {
  if (token === undefined) window.localStorage.removeItem(storageKey);
  else window.localStorage.setItem(storageKey, token);
}
