/**
 * Content-addressed artifacts under the factory home: spec texts, transcripts, gate reports, feedback.
 * A file is named by the SHA-256 of its content (`artifacts/<first two hex>/<hash>`), so the same content
 * is stored once however often it is put, and a hash in an event or a row names exactly one content. A
 * file is written to a temporary name and renamed, so a reader (or a crash) never sees half of one; files
 * are readable by the owner only, as transcripts may quote what an agent saw.
 */
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Kysely } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import type { FactoryDatabase } from "../../store/factory-database.js";

export interface ArtifactStoreOptions {
  /** The factory home. */
  home: string;
  database: Kysely<FactoryDatabase>;
  now(): Date;
}

export interface StoredArtifact {
  hash: string;
  /** Absolute path of the file. */
  path: string;
}

const hashPattern = /^[0-9a-f]{64}$/;

export class ArtifactStore {
  readonly #home: string;
  readonly #database: Kysely<FactoryDatabase>;
  readonly #now: () => Date;

  constructor(options: ArtifactStoreOptions) {
    this.#home = options.home;
    this.#database = options.database;
    this.#now = () => options.now();
  }

  /** Stores the content (once) and indexes it under its kind: transcript, gate-report, spec, feedback… */
  async put(kind: string, content: string | Uint8Array): Promise<StoredArtifact> {
    if (kind.length === 0 || kind.length > 32) {
      throw new ShopfloorError(
        "invalid-argument",
        "an artifact's kind must be 1 to 32 characters",
        {
          field: "kind",
        },
      );
    }
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const hash = createHash("sha256").update(bytes).digest("hex");
    const relativePath = relativePathOf(hash);
    const path = join(this.#home, relativePath);
    if (!(await exists(path))) await this.#write(path, bytes);
    await this.#database
      .insertInto("artifact")
      .values({
        hash,
        kind,
        path: relativePath,
        bytes: bytes.byteLength,
        created_at: this.#now().toISOString(),
      })
      .onConflict((conflict) => conflict.column("hash").doNothing())
      .execute();
    return { hash, path };
  }

  async readText(hash: string): Promise<string> {
    const path = this.path(hash);
    try {
      return await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new ShopfloorError("not-found", `there is no artifact ${hash} (${path})`, { path });
      }
      throw new ShopfloorError("io-error", `cannot read the artifact ${path}`, {
        path,
        cause: error,
      });
    }
  }

  /** Where the artifact with this hash is (or would be) stored. */
  path(hash: string): string {
    if (!hashPattern.test(hash)) {
      throw new ShopfloorError(
        "invalid-argument",
        `"${hash}" is not an artifact hash (64 lowercase hex digits)`,
      );
    }
    return join(this.#home, relativePathOf(hash));
  }

  /** Whether the artifact's file is there. */
  async has(hash: string): Promise<boolean> {
    return hashPattern.test(hash) && (await exists(this.path(hash)));
  }

  async #write(path: string, bytes: Uint8Array): Promise<void> {
    const folder = dirname(path);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFile(temporary, bytes, { mode: 0o600, flag: "wx" });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new ShopfloorError("io-error", `cannot store the artifact ${path}`, {
        path,
        cause: error,
      });
    }
  }
}

function relativePathOf(hash: string): string {
  return join("artifacts", hash.slice(0, 2), hash);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
