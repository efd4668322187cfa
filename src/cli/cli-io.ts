/**
 * What the CLI needs from the outside world, passed in so that tests run commands in-process and read
 * exactly what a user would see.
 */
import { access, readFile } from "node:fs/promises";
import { ShopfloorError } from "../contracts/index.js";
import type { ProgressOutput } from "./progress-line.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file, or standard input for "-". */
  readText(path: string): Promise<string>;
  /** Whether a file exists, for optional files such as the config. */
  exists(path: string): Promise<boolean>;
  workingDirectory: string;
  /** Environment variables: the factory home, API keys. */
  environment: Readonly<Record<string, string | undefined>>;
  /** Where progress of long work is drawn: standard error, drawn only when it is a terminal. */
  progress: ProgressOutput;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => (path === "-" ? readStream(process.stdin) : readFileText(path)),
  exists: async (path) => {
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  },
  workingDirectory: process.cwd(),
  environment: process.env,
  progress: process.stderr,
};

export async function readFileText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : (error as Error).message;
    throw new ShopfloorError("io-error", `cannot read ${path}: ${reason}`, { path, cause: error });
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
