import { createTestDatabase } from "../tests/support/postgres.js";
import { startReplicas } from "../tests/support/replicas.js";

/**
 * Two `npm start` processes on one fresh PostgreSQL database (BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else the local server), sharing `dataDir` for the index. `stop` ends
 * both and drops the database.
 */
export async function startPostgresReplicas(dataDir: string, env: Record<string, string>): Promise<{ urls: string[]; stop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const db = await createTestDatabase("ca_bench");
  try {
    const replicas = await startReplicas(2, dataDir, { ...env, DATABASE_URL: db.url });
    return {
      urls: replicas.map((r) => r.url),
      async stop() {
        await Promise.all(replicas.map((r) => r.stop()));
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}
