import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import type { PageProps } from "@/core/plugins/types";
import { formatDateTime } from "@/core/time/zoned";
import { getGreeting } from "../greetings";

export default async function GreetingPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const g = await getGreeting(ctx, params.id ?? "");
  if (!g) notFound();
  const tz = ctx.organization.timezone;
  return (
    <PageHeader
      eyebrow={<Link href="/hello" className="hover:underline">Greetings</Link>}
      title={g.message}
      description={`Posted ${formatDateTime(g.createdAt, tz)}${g.announcedAt ? ` · announced ${formatDateTime(g.announcedAt, tz)}` : " · not announced yet"}`}
    />
  );
}
