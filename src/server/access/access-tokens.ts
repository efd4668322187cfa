/**
 * The factory's access tokens, in `<home>/access-tokens.json` (mode 0600): each a name, its scopes and the
 * SHA-256 of the secret; the secret itself is shown once, when it is created or rotated, and never stored.
 * The file is read on every check, so a rotation from the CLI takes effect at once on a running server.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmod, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "@hono/zod-openapi";
import { ShopfloorError } from "../../contracts/errors.js";
import { AccessScope } from "./access-scopes.js";

export const accessTokensFileName = "access-tokens.json";

export const TokenName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,39}$/,
    "a name of lowercase letters, digits and dashes, such as ci-bot",
  );

/** A token as listed: never its secret. */
export const AccessToken = z.strictObject({
  name: TokenName,
  scopes: z.array(AccessScope).min(1),
  /** The secret's first characters, to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.string(),
  rotatedAt: z.string().optional(),
});
export type AccessToken = z.infer<typeof AccessToken>;

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

  async create(name: string, scopes: readonly AccessScope[]): Promise<IssuedToken> {
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
      name: TokenName.parse(name),
      scopes: [...new Set(scopes)],
      prefix: secret.slice(0, 7),
      createdAt: this.#now().toISOString(),
    };
    await this.#write([...tokens, { ...token, sha256: sha256(secret) }]);
    return { token, secret };
  }

  /** A new secret for the token; the old one stops working at once. */
  async rotate(name: string): Promise<IssuedToken> {
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
  }

  async revoke(name: string): Promise<void> {
    const tokens = await this.#read();
    requireToken(tokens, name);
    await this.#write(tokens.filter((token) => token.name !== name));
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
    const parsed = TokensFile.safeParse(JSON.parse(text));
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
    const staging = `${this.path}.${process.pid}.tmp`;
    await writeFile(staging, `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`, {
      mode: 0o600,
    });
    await chmod(staging, 0o600);
    await rename(staging, this.path);
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

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
