// A small `pg` pool of its own for file bytes. Prisma's raw queries copy a bytea parameter several
// times over (≈ 300 MB of transient heap for a 200 MB upload, measured); the driver sends a Buffer
// as one hex string and reads a chunk back as one Buffer, which keeps an upload or a streamed read
// at a few MB of memory. Only chunk INSERTs and SELECTs go through here, always by file id — the
// file row itself (and its organization check) is handled through Prisma by the callers.
import pg from "pg";

const state = globalThis as unknown as { __ritikoFilePool?: pg.Pool };

export function filePool(): pg.Pool {
  if (!state.__ritikoFilePool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    state.__ritikoFilePool = new pg.Pool({ connectionString, max: Number(process.env.RITIKO_FILE_POOL_SIZE ?? 4) });
  }
  return state.__ritikoFilePool;
}
