// Least-privilege database roles (README "Database roles"). Migrations run as the OWNER role (the one
// that creates and owns the tables); the app connects as an APP role that may read and write rows
// and nothing else: it owns no table, so it cannot ALTER one or DISABLE a TRIGGER, and it is no
// superuser, so it cannot SET session_replication_role = replica (which would skip the audit log's
// append-only triggers). What it may not do even to rows is kept in the table app_role_restrictions,
// written by the migrations that need it (the audit log: no UPDATE, DELETE or TRUNCATE of its entries,
// no DELETE of a chain head), and applied here after every migration run, so a table added later is
// granted and restricted the same way.
import pg from "pg";

/** The app role of the embedded database (an external one names its own in DATABASE_URL). */
export const APP_ROLE = "ritiko_app";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a connection URL logs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same URL with another role and password. */
export function urlAs(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the app role (LOGIN, no superuser, no CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS) when it
 * does not exist, and sets its password — for the embedded database, where the run command owns the
 * whole cluster. On an external server the operator creates it (README).
 */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
    const quoted = (await c.query<{ q: string }>("SELECT quote_literal($1) AS q", [password])).rows[0]!.q;
    const attrs = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    await c.query(`${exists ? "ALTER" : "CREATE"} ROLE ${ident(role)} WITH ${attrs} PASSWORD ${quoted}`);
  });
}

/**
 * Grants the app role what the app needs on every table, sequence and function of the schema, then
 * takes back what app_role_restrictions lists. Idempotent; run as the owner after the migrations.
 * Refuses an app role that could undo its own restrictions (a superuser, or the tables' owner).
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (c) => {
    const [r] = (await c.query<{ rolsuper: boolean; owns: boolean }>(
      `SELECT r.rolsuper, EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname) AS owns
       FROM pg_roles r WHERE r.rolname = $1`,
      [role],
    )).rows;
    if (!r) throw new Error(`The app's database role ${role} does not exist: create it first (README, Database roles).`);
    if (r.rolsuper || r.owns) {
      throw new Error(`The app's database role ${role} is ${r.rolsuper ? "a superuser" : "the owner of the tables"}: it could switch off the audit log's protection. Give the app a role of its own (README, Database roles).`);
    }
    const db = (await c.query<{ d: string }>("SELECT current_database() AS d")).rows[0]!.d;
    const to = ident(role);
    await c.query("BEGIN");
    try {
      await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db)} TO ${to}`);
      await c.query(`GRANT USAGE ON SCHEMA public TO ${to}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${to}`);
      await c.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${to}`);
      await c.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${to}`);
      const restrictions = await c.query<{ table: string; privileges: string[] }>(
        `SELECT "table", "privileges" FROM app_role_restrictions WHERE to_regclass(quote_ident("table")) IS NOT NULL ORDER BY "table"`,
      );
      for (const { table, privileges } of restrictions.rows) {
        const list = privileges.filter((p) => /^(SELECT|INSERT|UPDATE|DELETE|TRUNCATE|REFERENCES|TRIGGER)$/.test(p));
        if (list.length) await c.query(`REVOKE ${list.join(", ")} ON ${ident(table)} FROM ${to}`);
      }
      await c.query("COMMIT");
    } catch (err) {
      await c.query("ROLLBACK");
      throw err;
    }
  });
}
