/**
 * Test support: a client that hammers a stable address with several concurrent keep-alive loops and
 * records every answer (which release gave it, or how it failed) with the test's phase when the request
 * was sent and when its answer came, so a test can say what happened before, during and after each switch.
 */
import { Agent, request } from "undici";

export interface HammerAnswer {
  /** The phase when the request was sent. */
  phase: number;
  /** The phase when its answer came: the same when the whole exchange happened within one phase. */
  answeredIn: number;
  release?: string;
  failure?: string;
}

export class Hammer {
  /** Set by the test at each step; stamped on every request sent from then on. */
  phase = 0;
  readonly answers: HammerAnswer[] = [];
  readonly #dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  readonly #loops: Promise<void>[] = [];
  readonly #waiting: { count: number; settle: () => void }[] = [];
  #running = true;
  #stopped: Promise<HammerAnswer[]> | undefined;

  constructor(url: string, loops = 4) {
    for (let loop = 0; loop < loops; loop += 1) this.#loops.push(this.#loop(url));
  }

  /** Resolves once `count` more answers have come in. */
  answered(count: number): Promise<void> {
    return new Promise((settle) =>
      this.#waiting.push({ count: this.answers.length + count, settle }),
    );
  }

  failures(): HammerAnswer[] {
    return this.answers.filter((answer) => answer.failure !== undefined);
  }

  /** Ends the loops once their requests are answered. Idempotent. */
  stop(): Promise<HammerAnswer[]> {
    this.#running = false;
    this.#stopped ??= (async () => {
      await Promise.all(this.#loops);
      await this.#dispatcher.close();
      return this.answers;
    })();
    return this.#stopped;
  }

  async #loop(url: string): Promise<void> {
    while (this.#running) {
      const phase = this.phase;
      const answer = await this.#ask(url);
      this.#record({ phase, answeredIn: this.phase, ...answer });
    }
  }

  async #ask(url: string): Promise<{ release?: string; failure?: string }> {
    try {
      const response = await request(url, { dispatcher: this.#dispatcher });
      const text = await response.body.text();
      if (response.statusCode !== 200) return { failure: `${response.statusCode} ${text}` };
      return { release: (JSON.parse(text) as { release: string }).release };
    } catch (error) {
      return { failure: String(error) };
    }
  }

  #record(answer: HammerAnswer): void {
    this.answers.push(answer);
    for (const waiting of [...this.#waiting]) {
      if (this.answers.length < waiting.count) continue;
      this.#waiting.splice(this.#waiting.indexOf(waiting), 1);
      waiting.settle();
    }
  }
}
