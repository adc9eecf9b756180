import PQueue from "p-queue";

/**
 * Runs the work that follows an acknowledgement (engine turns, Web API calls) with bounded
 * concurrency, on p-queue rather than a hand-written queue. Retrieval is CPU work on the one
 * event loop: an unbounded burst would delay the acknowledgements of newer requests past
 * Slack's 3 seconds; a few at a time keeps the loop free between turns.
 */
export function createWorkQueue(concurrency = 4) {
  const queue = new PQueue({ concurrency });
  return {
    /** Queues a task; its errors must be handled by the task (a rejection here is dropped). */
    push(task: () => Promise<void>): void {
      // Start on a later tick so the acknowledgement is written first; queued at once so idle() waits for it.
      queue
        .add(async () => {
          await new Promise((resolve) => setImmediate(resolve));
          await task();
        })
        .catch(() => {});
    },
    /** Resolves when nothing is queued or running. */
    idle: (): Promise<void> => queue.onIdle(),
  };
}

export type WorkQueue = ReturnType<typeof createWorkQueue>;
