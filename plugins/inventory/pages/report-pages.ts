// The Reports page (the seed's reports/ admin view); its sections and their queries are in
// pages/reports/ and reports/, the CSV downloads in api/reports.ts.
import type { PageContribution } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "../permissions";

export const reportPages: PageContribution[] = [
  { path: "reports", title: "Inventory reports", permission: P.reports, component: () => import("./reports/reports-page") },
];
