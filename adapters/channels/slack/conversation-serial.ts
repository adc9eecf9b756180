/**
 * Runs the turns of one conversation one after another, engine and delivery together:
 * the engine already serialises a user's turns, but two replies posted at once could
 * interleave in the thread, and an item message could be updated out of order.
 */
export function createConversationSerial() {
  const tails = new Map<string, Promise<void>>();
  return async function serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    let release: () => void = () => {};
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

export type ConversationSerial = ReturnType<typeof createConversationSerial>;
