import type { InngestFunction } from "inngest";

export const nightlyJobs: InngestFunction.Any[] = [];
