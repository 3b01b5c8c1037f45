// /inventory: the admin list of items (inventory.view_items). Everything the table shows is paged
// (keyset pages), sorted, searched and filtered in PostgreSQL (items/queries.ts over the shared
// filter, items/filters.ts), from URL parameters, so every view is a link and survives a reload. The table
// streams in behind a skeleton; later URL changes keep the old rows dimmed until the new ones arrive.
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";
import { DataTransferToolbar } from "@/components/data-transfer/data-transfer-toolbar";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { OrgContext } from "@/core/auth/context";
import { parseListParams } from "@/core/lists/list-params";
import { hasPermission } from "@/core/plugins/permissions";
import { settingsAccess } from "@/core/plugins/settings/store";
import type { PageProps } from "@/core/plugins/types";
import { parseItemFilter } from "../../items/filters";
import { ITEM_SORTS, itemPageRequest, listItems } from "../../items/queries";
import { recentOperations } from "../../jobs/bulk-operations";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { BulkProgress } from "./bulk-progress";
import { ItemsTable } from "./items-table";
import { TableSkeleton } from "./table-skeleton";

export default async function ItemsPage({ ctx, searchParams }: PageProps) {
  const [canManage, canOrder, canDelete] = await Promise.all([hasPermission(ctx, P.manage), hasPermission(ctx, P.orders), hasPermission(ctx, P.delete)]);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("pages.inventory")}
        description={t("pages.itemsDescription", { organization: ctx.organization.name })}
        actions={
          <>
            <DataTransferToolbar ctx={ctx} resourceId="inventory.items" filter={toolbarFilter(parseItemFilter(searchParams))} />
            {canOrder ? (
              <Link href="/inventory/orders" className={buttonVariants({ variant: "outline" })}>
                {t("list.purchaseOrders")}
              </Link>
            ) : null}
            {canManage ? (
              <Link href="/inventory/items/new" className={buttonVariants()}>
                <Plus aria-hidden="true" /> {t("list.newItem")}
              </Link>
            ) : null}
          </>
        }
      />
      <Suspense fallback={<TableSkeleton />}>
        <ItemsSection ctx={ctx} searchParams={searchParams} canManage={canManage} canOrder={canOrder} canDelete={canDelete} />
      </Suspense>
    </div>
  );
}

/** The list filter as export parameters (the same names the list's URL uses). */
const toolbarFilter = (f: ReturnType<typeof parseItemFilter>) => ({ q: f.q, category: f.category, stock: f.stock });

type Can = { canManage: boolean; canOrder: boolean; canDelete: boolean };

async function ItemsSection({ ctx, searchParams, canManage, canOrder, canDelete }: { ctx: OrgContext; searchParams: PageProps["searchParams"] } & Can) {
  const params = parseListParams(searchParams, ITEM_SORTS, { sort: "name", dir: "asc" });
  const filter = parseItemFilter(searchParams);
  const organizationId = ctx.organization.id;
  const [list, categories, operations, stockDisplay] = await Promise.all([
    listItems(organizationId, filter, { request: itemPageRequest(searchParams, params.sort, params.dir), pageSize: params.pageSize, sort: params.sort, dir: params.dir }),
    ctx.db.inventoryCategory.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    canManage || canDelete ? recentOperations(organizationId) : Promise.resolve([]),
    settingsAccess("inventory", organizationId).get<string>("stockDisplayFormat"),
  ]);
  return (
    <div className="grid gap-4">
      <BulkProgress operations={operations} />
      <ItemsTable
        rows={list.rows}
        paging={list.paging}
        pageSize={params.pageSize}
        sort={params.sort}
        dir={params.dir}
        filter={filter}
        categories={categories}
        stockDisplay={stockDisplay}
        canManage={canManage}
        canOrder={canOrder}
        canDelete={canDelete}
      />
    </div>
  );
}
