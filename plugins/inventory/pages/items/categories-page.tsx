// /inventory/categories: the organization's categories with how many items use each; members who may
// manage items also create, rename and delete them here.
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { hasPermission } from "@/core/plugins/permissions";
import type { PageProps } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { CategoryRowActions, NewCategoryForm } from "./category-forms";
import { categoriesWithCounts } from "./item-reads";
import { orgFormat } from "@/core/format/org-format";


export default async function CategoriesPage({ ctx }: PageProps) {
  const fmt = orgFormat(ctx.organization);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  const [categories, canManage, canDelete] = await Promise.all([categoriesWithCounts(ctx.organization.id), hasPermission(ctx, P.manage), hasPermission(ctx, P.delete)]);
  const actions = canManage || canDelete;
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/inventory" className="hover:underline">{t("pages.inventory")}</Link>}
        title={t("pages.categories")}
        description={t("pages.categoriesDescription")}
      />
      {canManage ? <NewCategoryForm /> : null}
      <Card>
        <CardContent className="px-0 pt-2 sm:px-0">
          {categories.length === 0 ? (
            <EmptyState title={t("pages.noCategories")} description={canManage ? t("pages.noCategoriesManager") : t("pages.noCategoriesOthers")} />
          ) : (
            <Table aria-label={t("categoryForms.table")}>
              <THead>
                <TR>
                  <TH>{t("categoryForms.name")}</TH>
                  <TH>{t("categoryForms.slug")}</TH>
                  <TH className="text-right">{t("categoryForms.items")}</TH>
                  {actions ? (
                    <TH>
                      <span className="sr-only">{t("categoryForms.actions")}</span>
                    </TH>
                  ) : null}
                </TR>
              </THead>
              <TBody>
                {categories.map((c) => (
                  <TR key={c.id}>
                    <TD className="font-medium">{c.name}</TD>
                    <TD>
                      <code className="font-mono text-[13px] text-muted-foreground">{c.slug}</code>
                    </TD>
                    <TD className="text-right tabular-nums">
                      <Link href={`/inventory?category=${c.id}`} className="hover:underline" aria-label={t("categoryForms.itemsIn", { count: fmt.number(c.items), name: c.name })}>
                        {fmt.number(c.items)}
                      </Link>
                    </TD>
                    {actions ? (
                      <TD>
                        <CategoryRowActions id={c.id} name={c.name} items={c.items} canRename={canManage} canDelete={canDelete} />
                      </TD>
                    ) : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
