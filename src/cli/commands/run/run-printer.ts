/**
 * What `shopfloor run` prints while the line works: one line per event on stdout (JSON Lines with
 * `--json`), and on a terminal a progress line on stderr naming the trial sessions running, cleared
 * before each event line and drawn again after it.
 */
import type { LineEvent } from "../../../contracts/index.js";
import type { CliIo } from "../../cli-io.js";
import { plural } from "../../format.js";
import { renderLineEvent, shortBuild } from "../../line-event-text.js";

const clearLine = "\r\u001b[2K";

export class RunPrinter {
  readonly #io: CliIo;
  readonly #json: boolean;
  readonly #timeZone: string | undefined;
  readonly #agents = new Map<string, string>();
  readonly #trials = new Map<string, { workItem: string; round: number; scenarios: number }>();
  #progressShown = false;

  constructor(io: CliIo, options: { json: boolean; timeZone?: string }) {
    this.#io = io;
    this.#json = options.json;
    this.#timeZone = options.timeZone;
  }

  print(event: LineEvent): void {
    if (event.type === "build.start") this.#agents.set(event.payload.build, event.payload.agent);
    if (event.type === "trials.start") {
      const { build, round, scenarios } = event.payload;
      this.#trials.set(build, { workItem: event.workItem, round, scenarios });
    }
    if (event.type === "trials.end") this.#trials.delete(event.payload.build);
    const text = this.#json
      ? JSON.stringify(event)
      : renderLineEvent(event, { timeZone: this.#timeZone, agents: this.#agents });
    this.#write(`${text}\n`);
  }

  /** A line that is not an event (a spec submitted again): on stdout, or stderr with --json. */
  note(text: string): void {
    if (this.#json) this.#io.stderr(`${text}\n`);
    else this.#write(`${text}\n`);
  }

  finish(): void {
    this.#clearProgress();
  }

  #write(text: string): void {
    this.#clearProgress();
    this.#io.stdout(text);
    this.#drawProgress();
  }

  #clearProgress(): void {
    if (!this.#progressShown) return;
    this.#io.progress.write(clearLine);
    this.#progressShown = false;
  }

  #drawProgress(): void {
    if (!this.#io.progress.isTTY || this.#trials.size === 0) return;
    const sessions = [...this.#trials].map(
      ([build, session]) =>
        `${session.workItem} ${shortBuild(build, session.workItem)} round ${session.round} (${plural(session.scenarios, "scenario")})`,
    );
    this.#io.progress.write(`${clearLine}trials running: ${sessions.join(" · ")}`);
    this.#progressShown = true;
  }
}
