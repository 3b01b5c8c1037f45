import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import type { PageProps } from "@/core/plugins/types";
import { getGreeting } from "../greetings";
import { orgFormat } from "@/core/format/org-format";
import { pluginTranslator } from "@/core/i18n/translate";
import type { HelloMessages } from "../messages";

export default async function GreetingPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const g = await getGreeting(ctx, params.id ?? "");
  if (!g) notFound();
  const fmt = orgFormat(ctx.organization);
  const t = pluginTranslator<HelloMessages>(ctx, "hello");
  return (
    <PageHeader
      eyebrow={<Link href="/hello" className="hover:underline">{t("greetings.title")}</Link>}
      title={g.message}
      description={t("greetings.posted", { at: fmt.dateTime(g.createdAt) }) + (g.announcedAt ? t("greetings.announced", { at: fmt.dateTime(g.announcedAt) }) : t("greetings.notAnnounced"))}
    />
  );
}
