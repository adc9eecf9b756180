import PQueue from "p-queue";

/**
 * Runs tasks with the same key one after another, different keys side by side: a user's
 * turns in one conversation, so a double click or a platform retry never interleaves with
 * the turn it repeats. One p-queue (concurrency 1) per key while it has work; the queue is
 * dropped when it drains, so idle keys hold no memory.
 */
export function createKeyedQueue() {
  const queues = new Map<string, PQueue>();
  return async function serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    let queue = queues.get(key);
    if (!queue) {
      const created = new PQueue({ concurrency: 1 });
      created.on("idle", () => {
        if (queues.get(key) === created) queues.delete(key);
      });
      queues.set(key, created);
      queue = created;
    }
    // A failing task rejects its own caller only; the next task of the key still runs.
    return queue.add(task, { throwOnTimeout: true }) as Promise<T>;
  };
}

export type KeyedQueue = ReturnType<typeof createKeyedQueue>;
