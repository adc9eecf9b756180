import { openPostgresStore } from "../../adapters/store/postgres-store.js";
import { assessmentStoreContract } from "../support/contracts/assessment-store.contract.js";
import { createTestDatabase } from "../support/postgres.js";

assessmentStoreContract("PostgreSQL", async () => {
  const db = await createTestDatabase("ca_store");
  return {
    open: () => openPostgresStore(db.url),
    raw: async (sql) => {
      await db.query(sql);
    },
    // A superuser can switch triggers off for a session: that is the intruder the chain is for.
    tamper: async (sql) => {
      await db.query(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT`);
    },
    dispose: () => db.drop(),
  };
});
