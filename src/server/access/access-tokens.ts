/**
 * The factory's access tokens, in `<home>/access-tokens.json` (mode 0600): each a name, its scopes and the
 * SHA-256 of the secret; the secret itself is shown once, when it is created or rotated, and never stored.
 * The file is read on every check, so a rotation from the CLI takes effect at once on a running server.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "@hono/zod-openapi";
import { ShopfloorError } from "../../contracts/errors.js";
import { AccessScope, accessScopes } from "./access-scopes.js";
import { AccessToken, TokenName } from "./access-token.js";

export { AccessToken, TokenName };

export const accessTokensFileName = "access-tokens.json";

const StoredToken = AccessToken.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
type StoredToken = z.infer<typeof StoredToken>;

const TokensFile = z.strictObject({ version: z.literal(1), tokens: z.array(StoredToken) });

/** A token just made: the secret, shown once. */
export interface IssuedToken {
  token: AccessToken;
  secret: string;
}

export interface AccessTokensOptions {
  home: string;
  now?: () => Date;
  /** Default: node:crypto's randomBytes. */
  random?: (size: number) => Buffer;
}

export class AccessTokens {
  readonly path: string;
  readonly #now: () => Date;
  readonly #random: (size: number) => Buffer;
  /** The last change in flight: changes are read-modify-write, so this process makes them one at a time. */
  #changes: Promise<unknown> = Promise.resolve();

  constructor(options: AccessTokensOptions) {
    this.path = join(options.home, accessTokensFileName);
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? randomBytes;
  }

  async list(): Promise<AccessToken[]> {
    return (await this.#read()).map(({ sha256: _secretHash, ...token }) => token);
  }

  /** The token the secret belongs to, if any (compared in constant time). */
  async verify(secret: string): Promise<AccessToken | undefined> {
    const hash = Buffer.from(sha256(secret), "hex");
    for (const { sha256: stored, ...token } of await this.#read()) {
      if (timingSafeEqual(hash, Buffer.from(stored, "hex"))) return token;
    }
    return undefined;
  }

  create(name: string, scopes: readonly AccessScope[]): Promise<IssuedToken> {
    return this.#change(async () => {
      const checked = checkedRequest(name, scopes);
      const tokens = await this.#read();
      if (tokens.some((token) => token.name === name)) {
        throw new ShopfloorError(
          "invalid-argument",
          `a token named ${name} exists already; rotate it, or revoke it first`,
          { field: "name" },
        );
      }
      const secret = this.#newSecret();
      const token: AccessToken = {
        ...checked,
        prefix: secret.slice(0, 7),
        createdAt: this.#now().toISOString(),
      };
      await this.#write([...tokens, { ...token, sha256: sha256(secret) }]);
      return { token, secret };
    });
  }

  /** A new secret for the token; the old one stops working at once. */
  rotate(name: string): Promise<IssuedToken> {
    return this.#change(async () => {
      const tokens = await this.#read();
      const existing = requireToken(tokens, name);
      const secret = this.#newSecret();
      const { sha256: _oldHash, ...kept } = existing;
      const token: AccessToken = {
        ...kept,
        prefix: secret.slice(0, 7),
        rotatedAt: this.#now().toISOString(),
      };
      await this.#write(
        tokens.map((candidate) =>
          candidate.name === name ? { ...token, sha256: sha256(secret) } : candidate,
        ),
      );
      return { token, secret };
    });
  }

  /**
   * Removes the token; its secret stops working at once. The API refuses to remove the last token that may
   * configure (`keepConfigureAccess`): nobody could manage tokens from the dashboard again.
   */
  revoke(name: string, options: { keepConfigureAccess?: boolean } = {}): Promise<void> {
    return this.#change(async () => {
      const tokens = await this.#read();
      const revoked = requireToken(tokens, name);
      const remaining = tokens.filter((token) => token.name !== name);
      const configureLeft = remaining.some((token) => token.scopes.includes("configure"));
      if (options.keepConfigureAccess && revoked.scopes.includes("configure") && !configureLeft) {
        throw new ShopfloorError(
          "invalid-argument",
          `${name} is the last token with the configure scope; revoking it would lock every manager out. Create another first (here, or \`shopfloor token create NAME\` on the factory's machine), or revoke it there with \`shopfloor token revoke ${name}\``,
          { field: "name" },
        );
      }
      await this.#write(remaining);
    });
  }

  #change<Result>(change: () => Promise<Result>): Promise<Result> {
    const result = this.#changes.then(change, change);
    this.#changes = result.catch(() => undefined);
    return result;
  }

  #newSecret(): string {
    return `sf_${this.#random(32).toString("base64url")}`;
  }

  async #read(): Promise<StoredToken[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw new ShopfloorError("io-error", `cannot read ${this.path}: ${String(error)}`, {
        path: this.path,
        cause: error,
      });
    }
    const parsed = TokensFile.safeParse(parseJson(text));
    if (!parsed.success) {
      throw new ShopfloorError(
        "invalid-config",
        `${this.path} is not a token file shopfloor wrote (${parsed.error.issues[0]?.message}); delete it and run \`shopfloor token create manager\``,
        { path: this.path },
      );
    }
    return parsed.data.tokens;
  }

  /** Written whole to a new file, then renamed: a crash leaves the old file or the new one. */
  async #write(tokens: StoredToken[]): Promise<void> {
    const staging = `${this.path}.${process.pid}.${this.#random(4).toString("hex")}.tmp`;
    try {
      await writeFile(staging, `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`, {
        mode: 0o600,
      });
      await chmod(staging, 0o600);
      await rename(staging, this.path);
    } catch (error) {
      await rm(staging, { force: true });
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      throw new ShopfloorError(
        "io-error",
        missing
          ? `cannot write ${this.path}: its factory home does not exist (\`shopfloor init --home DIR\` creates one)`
          : `cannot write ${this.path}: ${(error as Error).message}`,
        { path: this.path, cause: error },
      );
    }
  }
}

function requireToken(tokens: readonly StoredToken[], name: string): StoredToken {
  const token = tokens.find((candidate) => candidate.name === name);
  if (token === undefined) {
    const names = tokens.map((candidate) => candidate.name).join(", ") || "none";
    throw new ShopfloorError("not-found", `there is no token named ${name} (tokens: ${names})`, {
      field: "name",
    });
  }
  return token;
}

/** The name and scopes of a token to create, checked: what the file's schema would refuse on reading. */
function checkedRequest(
  name: string,
  scopes: readonly AccessScope[],
): Pick<AccessToken, "name" | "scopes"> {
  const parsedName = TokenName.safeParse(name);
  if (!parsedName.success) {
    throw new ShopfloorError(
      "invalid-argument",
      `${JSON.stringify(name)} is not a token name: ${parsedName.error.issues[0]?.message}`,
      { field: "name" },
    );
  }
  const parsedScopes = z
    .array(AccessScope)
    .min(1)
    .safeParse([...new Set(scopes)]);
  if (!parsedScopes.success) {
    throw new ShopfloorError(
      "invalid-argument",
      `a token needs one or more of the scopes ${accessScopes.join(", ")}; got ${scopes.join(", ") || "none"}`,
      { field: "scopes" },
    );
  }
  return { name: parsedName.data, scopes: parsedScopes.data };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
