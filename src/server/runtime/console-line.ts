/**
 * The line behind a running console: opened on a config, optionally worked (the queue is worked until the
 * server stops), and reopened when a manager changes the config, so that what the dashboard saved is what
 * the next job runs on. Jobs running when it is reopened are interrupted and taken up again from the queue.
 */
import type { Config } from "../../contracts/config.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { FactoryLine } from "../../line/factory-line.js";
import { waitFor } from "../../line/wait-for.js";

export interface ConsoleLineOptions {
  open(config: Config): Promise<FactoryLine>;
  /** Work the queue in this process (`serve`), or only read and write the line (tests, `serve --no-work`). */
  work: boolean;
  /** Told when working the queue fails; the worker starts again after `retryMs`. */
  onWorkError?: (error: unknown) => void;
  retryMs?: number;
}

export class ConsoleLine {
  readonly #options: ConsoleLineOptions;
  #line: FactoryLine | undefined;
  #worker: { controller: AbortController; done: Promise<void> } | undefined;

  constructor(options: ConsoleLineOptions) {
    this.#options = options;
  }

  current(): FactoryLine {
    if (this.#line === undefined) {
      throw new ShopfloorError("internal", "the console's line is not open (start it first)");
    }
    return this.#line;
  }

  async start(config: Config): Promise<void> {
    this.#line = await this.#options.open(config);
    if (this.#options.work) this.#worker = this.#work(this.#line);
  }

  /** Opens the line on the new config first, so a config the line refuses leaves the old one running. */
  async reopen(config: Config): Promise<void> {
    const next = await this.#options.open(config);
    await this.#stop();
    this.#line = next;
    if (this.#options.work) this.#worker = this.#work(next);
  }

  async close(): Promise<void> {
    await this.#stop();
  }

  async #stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker !== undefined) {
      worker.controller.abort();
      await worker.done;
    }
    const line = this.#line;
    this.#line = undefined;
    await line?.close();
  }

  #work(line: FactoryLine): { controller: AbortController; done: Promise<void> } {
    const controller = new AbortController();
    const retryMs = this.#options.retryMs ?? 5_000;
    const loop = async () => {
      while (!controller.signal.aborted) {
        try {
          await line.run({ untilIdle: false, signal: controller.signal });
        } catch (error) {
          if (controller.signal.aborted) return;
          this.#options.onWorkError?.(error);
          await waitFor(retryMs, controller.signal);
        }
      }
    };
    return { controller, done: loop() };
  }
}
