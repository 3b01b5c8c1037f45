import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";

export default function AdminNotFound() {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto grid max-w-md justify-items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("recordNotFoundTitle")}</h1>
      <p className="text-muted-foreground">{t("recordNotFoundText")}</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        {t("backToDashboard")}
      </Link>
    </div>
  );
}
