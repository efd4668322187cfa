/**
 * Opening everything the stations use on a factory home: the database (migrated), the line's store and
 * artifacts, the job queue, the ledger, the holdout suites, the items' repositories; the sandbox
 * (bubblewrap when it works here, else none, with a warning), the trial executor (with a judge when a
 * model is configured for `judge`), the agent factory and the caches of parsed specs and suites.
 */

import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Agent } from "../agents/agent.js";
import { type Config, modelFor } from "../contracts/config.js";
import type { LineEvent } from "../contracts/line-event.js";
import type { LineUpAgent } from "../contracts/work-item.js";
import type { ReleaseHost } from "../deploy/local/release-host.js";
import { Ledger } from "../ledger/ledger.js";
import { SqliteJobQueue } from "../queue/sqlite-job-queue.js";
import type { ResponseJudge } from "../runners/assertions/assertion-context.js";
import { BubblewrapSandbox } from "../runners/sandbox/bubblewrap-sandbox.js";
import { NoSandbox } from "../runners/sandbox/no-sandbox.js";
import { probeBubblewrapOnce } from "../runners/sandbox/probe-bubblewrap.js";
import type { Sandbox } from "../runners/sandbox/sandbox.js";
import { SuiteStore } from "../scenarios/store/suite-store.js";
import { closeFactoryDatabase, openFactoryDatabase } from "../store/open-factory-database.js";
import { agentFactory } from "./agent-factory.js";
import { openLineCaches } from "./cache/line-caches.js";
import { configuredDeployTarget } from "./deploy/configured-deploy-target.js";
import { lazyDeployTarget } from "./deploy/line-deployment.js";
import type { LineServices } from "./stations/station-context.js";
import { ArtifactStore } from "./store/artifact-store.js";
import { LineStore } from "./store/line-store.js";
import { SessionTrialExecutor } from "./trials/session-trial-executor.js";
import type { TrialExecutor } from "./trials/trial-executor.js";
import { WorkItemRepositories } from "./work-item-repository.js";

export interface LineServicesOptions {
  /** Absolute. */
  home: string;
  config: Config;
  environment: Readonly<Record<string, string | undefined>>;
  projectFolder: string;
  now?: () => Date;
  sandbox?: Sandbox;
  trialExecutor?: TrialExecutor;
  createAgent?: (agent: LineUpAgent, attempt: number) => Promise<Agent>;
  onEvent?: (event: LineEvent) => void;
  hostCliPath?: string;
  connectReleaseHost?: () => Promise<{ host: ReleaseHost; fresh: boolean }>;
}

export async function openLineServices(
  options: LineServicesOptions,
): Promise<{ services: LineServices; sandboxWarning?: string }> {
  const { home, config, environment } = options;
  const now = options.now ?? (() => new Date());
  const clock = () => performance.now();
  const database = await openFactoryDatabase(join(home, "factory.db"));
  try {
    const { sandbox, warning } = await chooseSandbox(options.sandbox);
    const trialExecutor =
      options.trialExecutor ??
      new SessionTrialExecutor({
        sandbox,
        now: clock,
        ...(await judgeOf(config, environment)),
      });
    const createAgent =
      options.createAgent ??
      agentFactory(config, {
        environment,
        projectFolder: options.projectFolder,
        now: clock,
        sandbox,
      });
    const store = new LineStore({
      database,
      now,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const deployTarget = lazyDeployTarget(async () =>
      configuredDeployTarget({
        home,
        config,
        projectFolder: options.projectFolder,
        environment,
        releases: store.releases,
        monitoring: store.monitoring,
        hostCliPath: options.hostCliPath,
        ...(options.connectReleaseHost ? { connectHost: options.connectReleaseHost } : {}),
        clock,
      }),
    );
    const services: LineServices = {
      home,
      config,
      database,
      store,
      artifacts: new ArtifactStore({ home, database, now }),
      queue: new SqliteJobQueue({ database, now: () => now().getTime() }),
      ledger: new Ledger({ database, config, now }),
      suites: new SuiteStore({ home, now }),
      repositories: new WorkItemRepositories({ home }),
      trialExecutor,
      createAgent,
      environment,
      now,
      clock,
      caches: openLineCaches(),
      deployment: { target: deployTarget.target, close: deployTarget.close, sandbox },
    };
    return { services, ...(warning === undefined ? {} : { sandboxWarning: warning }) };
  } catch (error) {
    await closeFactoryDatabase(database);
    throw error;
  }
}

async function chooseSandbox(
  given: Sandbox | undefined,
): Promise<{ sandbox: Sandbox; warning?: string }> {
  if (given !== undefined) return { sandbox: given };
  const reason = await probeBubblewrapOnce();
  if (reason === undefined) return { sandbox: new BubblewrapSandbox() };
  return {
    sandbox: new NoSandbox(),
    warning: `the builds are tested without a sandbox, with your full rights: ${reason}`,
  };
}

async function judgeOf(
  config: Config,
  environment: Readonly<Record<string, string | undefined>>,
): Promise<{ judge?: ResponseJudge }> {
  const reference = modelFor(config, "judge");
  if (reference === undefined) return {};
  const [{ createLanguageModel }, { LanguageModelJudge }] = await Promise.all([
    import("../models/create-language-model.js"),
    import("../models/language-model-judge.js"),
  ]);
  return { judge: new LanguageModelJudge({ model: createLanguageModel(reference, environment) }) };
}
