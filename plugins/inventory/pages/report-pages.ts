import type { PageContribution } from "@/core/plugins/types";

export const reportPages: PageContribution[] = [];
