/** Asks for a token when the dashboard has none (or the server refused the one it had). */
import { type FormEvent, useState } from "react";
import { useApi } from "../api/api-context.js";

export function SignIn() {
  const api = useApi();
  const [token, setToken] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() !== "") api.signIn(token.trim());
  };
  return (
    <form className="sign-in" onSubmit={submit}>
      <h1>shopfloor</h1>
      <p>
        Paste an access token. <code>shopfloor init</code> printed one;{" "}
        <code>shopfloor token rotate manager</code> makes a new one.
      </p>
      <input
        aria-label="Access token"
        type="password"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        placeholder="sf_…"
      />
      <button type="submit">Sign in</button>
    </form>
  );
}
