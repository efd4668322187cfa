/**
 * `shopfloor token`: the factory's access tokens for the console's API and dashboard. `list` shows them
 * (never a secret), `create NAME` makes one with the scopes given (every scope by default), `rotate NAME`
 * gives one a new secret (the old one stops working at once, on a running server too), `revoke NAME`
 * removes one. A secret is printed once, with the dashboard's sign-in link; only its hash is kept.
 */
import { Command, InvalidArgumentError as InvalidOptionValue, Option } from "commander";
import {
  type AccessScope,
  accessScopes,
  managerScopes,
} from "../../server/access/access-scopes.js";
import {
  type AccessToken,
  AccessTokens,
  type IssuedToken,
} from "../../server/access/access-tokens.js";
import { consoleUrl, signInLink } from "../../server/runtime/server-address.js";
import type { CliIo } from "../cli-io.js";
import { type CommandContext, printJson } from "../command-context.js";
import { factoryHome } from "../factory-home.js";
import { lineHomeHelp } from "../line-session.js";
import { textTable } from "../text-table.js";
import { defaultServePort } from "./serve.js";

interface TokenOptions {
  home?: string;
  json?: boolean;
}

interface CreateOptions extends TokenOptions {
  scope: AccessScope[];
}

export function tokenCommand(context: CommandContext): Command {
  const command = new Command("token")
    .description(
      "the access tokens of the console's API and dashboard: list, create, rotate, revoke",
    )
    .addHelpText(
      "after",
      `
Scopes: read (every page and GET), operate (submit specs, decide exceptions, roll back, run the
monitor), configure (profiles, budgets, tokens). A secret is shown once; only its hash is kept, in
<home>/access-tokens.json.

Examples:
  shopfloor token list
  shopfloor token create ci-bot --scope read,operate
  shopfloor token rotate manager
  shopfloor token revoke ci-bot`,
    );
  command
    .command("list")
    .description("the tokens: name, scopes, the secret's first characters, when made and rotated")
    .option("--home <dir>", lineHomeHelp)
    .option("--json", "print one JSON object: {tokens}")
    .action(async (options: TokenOptions) => {
      const tokens = await tokensOf(context.io, options).list();
      if (options.json) printJson(context, { tokens });
      else context.io.stdout(renderTokenList(tokens));
    });
  command
    .command("create")
    .description("make a token; its secret is printed once")
    .argument("<name>", "lowercase letters, digits and dashes, such as ci-bot")
    .addOption(
      new Option("--scope <scopes>", "comma-separated: read, operate, configure")
        .argParser(parseScopes)
        .default([...managerScopes], managerScopes.join(",")),
    )
    .option("--home <dir>", lineHomeHelp)
    .option("--json", "print one JSON object: {token, secret, signInLink}")
    .action(async (name: string, options: CreateOptions) => {
      const issued = await tokensOf(context.io, options).create(name, options.scope);
      showIssued(context, options, issued, (scopes) => `Created the token ${name} (${scopes}).`);
    });
  command
    .command("rotate")
    .description("give a token a new secret; the old one stops working at once")
    .argument("<name>", "the token (shopfloor token list shows them)")
    .option("--home <dir>", lineHomeHelp)
    .option("--json", "print one JSON object: {token, secret, signInLink}")
    .action(async (name: string, options: TokenOptions) => {
      const issued = await tokensOf(context.io, options).rotate(name);
      showIssued(
        context,
        options,
        issued,
        (scopes) => `Rotated the token ${name} (${scopes}): its old secret no longer works.`,
      );
    });
  command
    .command("revoke")
    .description("remove a token; its secret stops working at once")
    .argument("<name>", "the token (shopfloor token list shows them)")
    .option("--home <dir>", lineHomeHelp)
    .option("--json", "print one JSON object: {revoked, tokens}")
    .action(async (name: string, options: TokenOptions) => {
      const tokens = tokensOf(context.io, options);
      await tokens.revoke(name);
      const left = await tokens.list();
      if (options.json) {
        printJson(context, { revoked: name, tokens: left });
        return;
      }
      const canConfigure = left.some((token) => token.scopes.includes("configure"));
      context.io.stdout(
        `Revoked the token ${name}: its secret no longer works.\n${canConfigure ? "" : "No token left may configure; `shopfloor token create manager` makes one.\n"}`,
      );
    });
  return command;
}

function tokensOf(io: CliIo, options: TokenOptions): AccessTokens {
  return new AccessTokens({ home: factoryHome(io, options.home) });
}

export function parseScopes(text: string): AccessScope[] {
  const scopes = text
    .split(",")
    .map((scope) => scope.trim())
    .filter((scope) => scope !== "");
  const unknown = scopes.filter((scope) => !(accessScopes as readonly string[]).includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new InvalidOptionValue(
      `expected one or more of ${accessScopes.join(", ")}, comma-separated${unknown.length > 0 ? `; not ${unknown.join(", ")}` : ""}`,
    );
  }
  return scopes as AccessScope[];
}

/** The link that signs the dashboard of `shopfloor serve` (default address) in with the secret. */
export function defaultSignInLink(secret: string): string {
  return signInLink(consoleUrl("127.0.0.1", defaultServePort), secret);
}

function showIssued(
  context: CommandContext,
  options: TokenOptions,
  issued: IssuedToken,
  headline: (scopes: string) => string,
): void {
  if (options.json) {
    printJson(context, { ...issued, signInLink: defaultSignInLink(issued.secret) });
    return;
  }
  context.io.stdout(`${headline(issued.token.scopes.join(", "))}\n\n${renderSecret(issued)}\n`);
}

/** The secret, the sign-in link, and that this is the only time it is shown. */
export function renderSecret({ token, secret }: IssuedToken): string {
  return [
    `  secret   ${secret}`,
    `  sign in  ${defaultSignInLink(secret)}`,
    "           (the dashboard of `shopfloor serve`; with another --host or --port, change the address)",
    `  API      Authorization: Bearer ${secret}`,
    "",
    `Keep it: it is shown once (only its hash is stored); \`shopfloor token rotate ${token.name}\` makes a new one.`,
  ].join("\n");
}

export function renderTokenList(tokens: readonly AccessToken[]): string {
  if (tokens.length === 0) {
    return "No tokens. `shopfloor token create manager` makes one with every scope.\n";
  }
  const rows = tokens.map((token) => [
    token.name,
    token.scopes.join(","),
    `${token.prefix}…`,
    token.createdAt,
    token.rotatedAt ?? "-",
  ]);
  const table = textTable(["NAME", "SCOPES", "SECRET", "CREATED", "ROTATED"], rows, [
    "left",
    "left",
    "left",
    "left",
    "left",
  ]);
  return `${table}\n`;
}
