/**
 * The commented `config.yaml` that `shopfloor init` writes into a factory home: every section of the
 * Config contract with its default value and a comment saying what it does. Settings that have no
 * default (caps, prices, rates, a line-up) are written commented out, so the file parses to exactly the
 * defaults until a person changes it.
 */
import { type Config, defaultConfig } from "../../../contracts/index.js";

export function configTemplate(config: Config = defaultConfig): string {
  const { budget, line, deploy, monitor } = config;
  const split = budget.split;
  const concurrency = line.concurrency;
  return `# shopfloor factory config, written by \`shopfloor init\`. Every value below is the default;
# change what you need. A shopfloor.config.yaml in the working directory, or --config FILE, is read
# instead of this file. Reference: README.md and docs/ (ledger.md, models.md, agents.md).

# The quality profile work items are gated with unless \`shopfloor run --profile\` names another:
# a built-in one (admin, standard, payments) or one defined under \`profiles\`.
defaultProfile: ${config.defaultProfile}

# Profiles of your own: a built-in one (\`extends\`) with some values changed, or one from scratch.
profiles: {}
#  strict-admin:
#    extends: admin
#    confidence: 0.99                     # confidence of the one-sided bounds
#    categories:
#      edge: { threshold: 0.95 }          # the pass rate the category must demonstrate
#      malicious: { zeroTolerance: true } # any failed malicious scenario sends the build back
#    intake: { minimumScore: 80 }         # requirements-lint score a spec needs at intake
#    maxAttempts: 3                       # builds per work item before the exception queue
#    maxTrialRounds: 3                    # rounds of sequential trials before escalating
#    slo: { errorRate: 0.01, p95LatencyMs: 300 }  # what the monitor holds its live releases to

# The daily budget every cost is charged to, in dollars, split between the four categories.
budget:
  dailyUsd: ${budget.dailyUsd}
  split:
    inference: ${split.inference}   # the agents' and models' tokens
    testing: ${split.testing}     # trial CPU time
    ci: ${split.ci}
    monitoring: ${split.monitoring}
  timeZone: ${budget.timeZone}      # IANA time zone of the budget day
#  dayStart: "00:00"     # local time the budget day starts
#  itemCapUsd: 20        # cap on everything one work item may spend; none by default
#  runCapUsd: 5          # cap on one run (a build, a test run); none by default
#  alertPercents: [50, 80, 100]   # percentages of a limit at which an alert is recorded
#  reservationMinutes: 60         # how long a reservation holds budget if its work never settles
#  humanComparison: { developerDayUsd: 800, changesPerDeveloperDay: 2 }   # for \`report costs\`

# Model prices in dollars per million tokens, overriding the bundled price list (e.g. a local model).
#prices:
#  llama3.1:8b: { inputUsdPerMillion: 0, outputUsdPerMillion: 0 }

# Machine time in dollars per hour, by kind of work (trial, build, probe).
#rates:
#  trial: { cpuHourUsd: 0.05, wallHourUsd: 0 }

# Language models by role: \`default\`, \`scenarios\`, \`judge\`, the agents. Keys come from the
# environment (apiKeyEnv), never from this file. With none, the factory works offline.
models: {}
#  default: { provider: openai, model: gpt-4.1-mini }
#  scenarios: { provider: anthropic, model: claude-sonnet-4-5 }
#  judge: { provider: openai-compatible, model: llama3.1:8b, baseUrl: "http://127.0.0.1:11434/v1" }

# Coding agents' settings (binary, model, extraArgs); \`shopfloor agents list\` shows which can run.
agents: {}
#  claude: { model: sonnet }
#  codex: { binary: codex, extraArgs: [] }
#  command: { run: ["./my-agent", "--flag"] }   # any program of yours, relative to this file

# The line: which agents build, how many jobs of each station run at once, the seed, the time limit.
line:
  # Without a line-up the default agent builds alone (llm with a model, else a configured coding CLI
  # that is installed, else the offline scaffold agent). Patterns:
  #lineUp: { pattern: single, agent: { agent: claude, model: sonnet } }
  #lineUp:                             # best-of-N: N candidates in parallel, the best approved wins
  #  pattern: best-of
  #  candidates: 3
  #  agents: [{ agent: claude }, { agent: codex }]
  #lineUp:                             # fallback: the next agent after K failed attempts
  #  pattern: fallback
  #  afterFailures: 1
  #  agents: [{ agent: llm, model: default }, { agent: scaffold }]
  # Any agent can be wrapped in fault injection, labelled in every report:
  #  { agent: scaffold, faults: { probability: 0.5, seed: 1, attempts: [1] } }
  concurrency:
    intake: ${concurrency.intake}
    build: ${concurrency.build}
    scenarios: ${concurrency.scenarios}
    trials: ${concurrency.trials}
    gate: ${concurrency.gate}
    deploy: ${concurrency.deploy}
  seed: ${line.seed}            # seeds scenario generation and fault injection, for replays
  buildMinutes: ${line.buildMinutes}    # wall-clock limit of one agent run

# Where approved builds go live. The local target runs each release as a sandboxed process behind a
# stable address on 127.0.0.1 (served by \`shopfloor host\`, started on first use); blue/green, the
# previous release kept warm for an instant rollback. docs/deploy.md has the details.
deploy:
  enabled: ${deploy.enabled}              # off: the line stops at approved
  target:
    kind: local
    basePort: ${deploy.target.kind === "local" ? deploy.target.basePort : 0}               # first stable port to give a service; 0: any free port
  #target:                            # your own tooling (Kubernetes, a PaaS…): scripts get SHOPFLOOR_* env
  #  kind: command
  #  deploy: ["./deploy.sh"]          # puts the release live; prints its address (or set address)
  #  rollback: ["./rollback.sh"]      # puts SHOPFLOOR_ROLLBACK_TO back
  #  address: https://todo.example.com
  smokeScenarios: ${deploy.smokeScenarios}             # suite scenarios a new release must pass before traffic
  healthTimeoutSeconds: ${deploy.healthTimeoutSeconds}      # how long a new release has to answer its health path
  #canary: { share: 0.1, probesPerRound: 10, maxRounds: 20 }   # a share of traffic until a sequential test decides

# The monitor (\`shopfloor monitor\`): probes of the holdout suite against every live release. A profile's
# \`slo: { errorRate, p95LatencyMs }\` says what they must show; a breach (a sequential test, so one blip
# does not flap) rolls back and opens a fix work item.
monitor:
  intervalSeconds: ${monitor.intervalSeconds}
  probesPerCycle: ${monitor.probesPerCycle}
  alpha: ${monitor.alpha}                  # chance a release that keeps its SLO is rolled back by one test
  beta: ${monitor.beta}                   # chance a release failing breachFactor × its SLO is not caught
  breachFactor: ${monitor.breachFactor}
`;
}
