// One section of the Reports page: a titled card with its CSV download.
import type { ReactNode } from "react";
import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export type ReportSectionProps = {
  id: string;
  title: string;
  description: ReactNode;
  /** The CSV link's accessible name, e.g. "Download Top movers as CSV" (in the member's language). */
  downloadLabel: string;
  /** The CSV download URL; none when the section cannot be computed (an invalid range). */
  csvHref?: string;
  children: ReactNode;
};

export function ReportSection({ id, title, description, downloadLabel, csvHref, children }: ReportSectionProps) {
  return (
    // A labelled <section> is a region landmark: screen-reader users can jump between the reports.
    <section aria-labelledby={`${id}-title`}>
      <Card>
        <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="grid gap-1">
            <CardTitle id={`${id}-title`}>{title}</CardTitle>
            <CardDescription>{description}</CardDescription>
          </div>
          {csvHref ? (
            // A plain link: the browser downloads the attachment with the session cookie, no script needed.
            <a href={csvHref} download className={buttonVariants({ variant: "outline", size: "sm" })} aria-label={downloadLabel}>
              <Download aria-hidden="true" />
              CSV
            </a>
          ) : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </section>
  );
}
