import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import type { PageProps } from "@/core/plugins/types";
import { getGreeting } from "../greetings";
import { orgFormat } from "@/core/format/org-format";

export default async function GreetingPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const g = await getGreeting(ctx, params.id ?? "");
  if (!g) notFound();
  const fmt = orgFormat(ctx.organization);
  return (
    <PageHeader
      eyebrow={<Link href="/hello" className="hover:underline">Greetings</Link>}
      title={g.message}
      description={`Posted ${fmt.dateTime(g.createdAt)}${g.announcedAt ? ` · announced ${fmt.dateTime(g.announcedAt)}` : " · not announced yet"}`}
    />
  );
}
