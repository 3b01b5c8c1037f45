// The client handed to code running inside an interactive transaction (`db.$transaction(async (tx) => ...)`).
import type { Prisma } from "./generated/client";

export type TxClient = Prisma.TransactionClient;
