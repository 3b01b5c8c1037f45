// Inventory's background jobs (the jobs.ts contract, core/jobs/plugin-jobs.ts): every one is triggered
// by an event carrying organizationId (or is a cron that fans out per organization), skips
// organizations without the plugin, is limited per organization, and is cancelled for an organization
// when the plugin is disabled there (cancelOnDisable).
import { bulkJobs } from "./jobs/bulk-jobs";
import { initialImport } from "./jobs/initial-import";
import { nightlyJobs } from "./jobs/nightly-jobs";
import { shopifyJobs } from "./jobs/shopify-jobs";

export const functions = [initialImport, ...bulkJobs, ...nightlyJobs, ...shopifyJobs];
