// Every Inngest function of the app, served by app/api/inngest/route.ts.
import { exportFunctions } from "@/core/imports/export/jobs";
import { importFunctions } from "@/core/imports/jobs";
import { deliverOutbox } from "./deliver-outbox";
import { pruneJobRunRecords } from "./prune-run-records";
import { recordRunEnded } from "./record-run-ended";

export const functions = [deliverOutbox, recordRunEnded, pruneJobRunRecords, ...importFunctions, ...exportFunctions];
