import type { InngestFunction } from "inngest";

export const shopifyJobs: InngestFunction.Any[] = [];
