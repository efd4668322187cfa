/**
 * The errors a sandbox raises: bubblewrap cannot be used at all, or a path the sandboxed code needs cannot be
 * bound into it. Both carry a message that says what to do.
 */
import { ShopfloorError } from "../../contracts/errors.js";

/** Bubblewrap is missing or does not work here, and `--no-sandbox` was not given. */
export class SandboxUnavailableError extends ShopfloorError {
  readonly reason: string;

  constructor(reason: string) {
    super(
      "invalid-config",
      [
        `Cannot isolate the code under test: ${reason}.`,
        "Code written by agents is untrusted, and shopfloor needs bubblewrap to run it in a sandbox.",
        "Install it (Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: `sudo dnf install bubblewrap`).",
        "Or pass `--no-sandbox` to run the code with your full rights: no file, network, memory or process",
        "isolation, so the code can read and change everything you can.",
      ].join(" "),
    );
    this.name = "SandboxUnavailableError";
    this.reason = reason;
  }
}

/** A path to bind into the sandbox is missing, or the sandbox user cannot read it. */
export class SandboxPathError extends ShopfloorError {
  constructor(
    message: string,
    path: string,
    code: "not-found" | "invalid-config" = "invalid-config",
  ) {
    super(code, message, { path });
    this.name = "SandboxPathError";
  }
}
