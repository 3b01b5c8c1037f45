import type { InngestFunction } from "inngest";

export const bulkJobs: InngestFunction.Any[] = [];
