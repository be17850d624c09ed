import type { Allocation } from "./think-many-options.js";
import { findFirstSlice, findSearchShare, orderByPromise, planSlice } from "./think-many-plan.js";
import type { ThinkManyProgress } from "./think-many-progress.js";
import {
  cancelQuestion,
  finishQuestion,
  type Question,
  type QuestionSetup,
  runSlice,
} from "./think-many-question.js";

/** Runs the rungs: first slices for all, then doubling slices for the open, most promising first. */
export class Scheduler {
  private readonly poolMs: number;
  private readonly maxMs: number;
  private readonly minMs: number;
  cancelled = false;
  current: Question | undefined;
  rungs = 0;

  constructor(
    private readonly questions: readonly Question[],
    private readonly allocation: Allocation,
    private readonly setup: QuestionSetup,
    private readonly emit: (event: ThinkManyProgress) => void,
  ) {
    this.poolMs = findSearchShare(allocation.totalMs, allocation);
    this.maxMs = findSearchShare(allocation.maxMs, allocation);
    this.minMs = findSearchShare(allocation.minMs, allocation);
  }

  private remainingMs(): number {
    return this.poolMs - this.questions.reduce((sum, question) => sum + question.spentMs, 0);
  }

  async run(): Promise<void> {
    let baseMs = findFirstSlice(this.allocation, this.questions.length);
    for (let rung = 0; !this.cancelled; rung += 1, baseMs *= 2) {
      const open = this.questions.filter((question) => !question.result);
      if (open.length === 0 || (rung > 0 && this.remainingMs() <= 0)) break;
      const order = rung === 0 ? open : orderByPromise(open);
      let ran = false;
      for (const [position, question] of order.entries()) {
        if (this.cancelled) break;
        const sliceMs = planSlice({
          baseMs,
          remainingMs: this.remainingMs(),
          waiting: order.length - position,
          spentMs: question.spentMs,
          maxMs: this.maxMs,
          owedMs: rung === 0 ? this.minMs : 0,
        });
        if (sliceMs > 0) {
          ran = true;
          await this.runQuestion(question, rung, sliceMs);
        } else if (question.spentMs >= this.maxMs) {
          await this.finish(question, rung);
        }
      }
      if (ran) this.rungs = rung + 1;
      else break;
    }
  }

  private async runQuestion(question: Question, rung: number, allottedMs: number) {
    const at = { index: question.index, rung, allottedMs };
    this.emit({ type: "question-started", ...at, spentMs: question.spentMs });
    this.current = question;
    await runSlice(question, allottedMs);
    this.current = undefined;
    const { result } = question;
    if (result) {
      this.emit({
        type: "question-finished",
        ...at,
        spentMs: question.spentMs,
        stopReason: result.stopReason,
        result,
      });
    } else {
      this.emit({ type: "question-paused", ...at, spentMs: question.spentMs });
    }
    this.emit({ type: "pool", rung, remainingMs: Math.max(0, this.remainingMs()) });
  }

  /** Finishes (or, after a cancel, cancels) a question that is still open. */
  async finish(question: Question, rung: number): Promise<void> {
    if (question.result) return;
    this.current = question;
    const result = this.cancelled
      ? await cancelQuestion(question)
      : await finishQuestion(question, this.setup);
    this.current = undefined;
    this.emit({
      type: "question-finished",
      index: question.index,
      rung,
      allottedMs: 0,
      spentMs: question.spentMs,
      stopReason: result.stopReason,
      result,
    });
  }

  cancel(): void {
    this.cancelled = true;
    this.current?.search.cancel();
  }
}
