// The client handed to code running inside an interactive transaction (`db.$transaction(async (tx) => ...)`).
import type { Prisma } from "./generated/client";

export type TxClient = Prisma.TransactionClient;

/**
 * Options for a short interactive transaction that emits an audited event. With the audit plugin on,
 * its in-transaction handler locks the organization's audit chain head (FOR UPDATE) until commit, so
 * such a transaction may wait behind another one of the same organization — e.g. a 100,000-row bulk
 * write or an import batch, which holds the head for several seconds. Prisma's defaults (5 s timeout,
 * 2 s to get a connection) would then fail an ordinary save or a sign-in; these leave room to wait for
 * the lock (timeout covers the whole transaction, including the lock wait) and for a pool connection
 * while long batches hold some.
 */
export const AUDITED_TX = { timeout: 30_000, maxWait: 10_000 } as const;
