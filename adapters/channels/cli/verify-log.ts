import type { Logger } from "../../../bot/index.js";
import type { Config } from "../../config.js";
import { openStore, storeLocation } from "../../store/open-store.js";

/**
 * `npm run cli -- verify-log`: recomputes the hash chain of the whole answer log (SQLite in
 * DATA_DIR, or DATABASE_URL) and names the first broken record. Exit code 0 when intact,
 * 1 when not. Needs no index.
 */
export async function verifyLog(config: Config, logger: Logger, json: boolean): Promise<number> {
  const store = await openStore(config, logger);
  try {
    const result = await store.verifyChain();
    const where = storeLocation(config);
    if (json) {
      process.stdout.write(`${JSON.stringify({ log: where, ...result })}\n`);
    } else if (result.ok) {
      process.stdout.write(`Answer log intact: ${result.records} records in ${where}\nchain head #${result.head.seq} sha256 ${result.head.hash}\n`);
    } else {
      process.stdout.write(
        `Answer log BROKEN (${where}): first broken record ${result.broken?.record}: ${result.broken?.reason}\n` +
          `${result.records} records read; stored chain head #${result.head.seq} sha256 ${result.head.hash}\n`,
      );
    }
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
