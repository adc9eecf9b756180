/**
 * Runs the work that follows an acknowledgement (engine turns, Web API calls) with bounded
 * concurrency. Retrieval is CPU work on the one event loop: an unbounded burst would delay
 * the acknowledgements of newer requests past Slack's 3 seconds; a few at a time keeps the
 * loop free between turns.
 */
export function createWorkQueue(concurrency = 4) {
  const waiting: Array<() => Promise<void>> = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  function next(): void {
    while (running < concurrency && waiting.length > 0) {
      const task = waiting.shift();
      if (!task) break;
      running++;
      void task()
        .catch(() => {})
        .finally(() => {
          running--;
          next();
        });
    }
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  }

  return {
    /** Queues a task; its errors must be handled by the task (a rejection here is dropped). */
    push(task: () => Promise<void>): void {
      waiting.push(task);
      // Start on a later tick so the acknowledgement is written first.
      setImmediate(next);
    },
    /** Resolves when nothing is queued or running. */
    idle(): Promise<void> {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get size(): number {
      return running + waiting.length;
    },
  };
}

export type WorkQueue = ReturnType<typeof createWorkQueue>;
