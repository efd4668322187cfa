/**
 * What `<program> --version` prints (its first line), for `shopfloor agents list`. A program that
 * fails, hangs or prints nothing has no version to show; that does not make it unavailable.
 */
import { execFile } from "node:child_process";

export function programVersion(
  executable: string,
  environment: Readonly<Record<string, string | undefined>>,
  timeoutMs = 5000,
): Promise<string | undefined> {
  return new Promise((settle) => {
    execFile(
      executable,
      ["--version"],
      { env: definedOnly(environment), timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout) => {
        const line = stdout.toString().split("\n")[0]?.trim() ?? "";
        settle(error === null && line !== "" ? line : undefined);
      },
    );
  });
}

function definedOnly(environment: Readonly<Record<string, string | undefined>>) {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}
