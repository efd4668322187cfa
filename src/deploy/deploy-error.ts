/**
 * Why a release could not be started, checked or switched: a message a person acts on (the release's
 * last output, the script's exit code), and whether trying again may help.
 */
import { ShopfloorError } from "../contracts/errors.js";

export class DeployError extends ShopfloorError {
  readonly release: string;

  constructor(release: string, message: string, options: { retryable?: boolean } = {}) {
    super("io-error", message, { retryable: options.retryable ?? false });
    this.name = "DeployError";
    this.release = release;
  }
}
