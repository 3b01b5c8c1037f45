"use client";
// The interactive parts of the categories page: the "new category" form, and per row rename (inline)
// and delete (with confirmation; a category still used by items is refused and the dialog says by how many).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/core/actions/result";
import { createCategoryAction, deleteCategoryAction, renameCategoryAction } from "./category-actions";
import { categoryInput } from "./category-schema";
import { useOrgFormat } from "@/components/format/org-format";

type Values = { name: string };
const resolver = zodResolver(categoryInput) as unknown as Resolver<Values>;

// `initial` undefined (the new-category form): react-hook-form adopts what is in the input when it
// hydrates instead of resetting it, so typing before the page is interactive is not lost.
function useCategoryForm(initial: string | undefined, submit: (values: Values) => Promise<ActionResult<{ id: string }>>, done: (form: UseFormReturn<Values>) => void) {
  const router = useRouter();
  const t = useTranslations("plugins.inventory.categoryForms");
  const form = useForm<Values>({ resolver, defaultValues: initial === undefined ? undefined : { name: initial } });
  const onSubmit = form.handleSubmit(async () => {
    const res = await submit(form.getValues());
    if (!res.ok) {
      if (res.fieldErrors?.name) form.setError("name", { type: "server", message: res.fieldErrors.name }, { shouldFocus: true });
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? t("saved"));
    done(form);
    router.refresh();
  });
  return { form, onSubmit };
}

export function NewCategoryForm() {
  const { form, onSubmit } = useCategoryForm(undefined, (v) => createCategoryAction(v), (form) => form.reset({ name: "" }));
  const t = useTranslations("plugins.inventory.categoryForms");
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3" aria-label={t("newCategory")}>
      <Field id="new-category-name" label={t("newCategory")} error={form.formState.errors.name?.message} className="min-w-64 flex-1">
        {(a) => <Input {...a} autoComplete="off" placeholder={t("placeholder")} {...form.register("name")} />}
      </Field>
      <Button type="submit" className="mt-6" pending={form.formState.isSubmitting}>
        {t("add")}
      </Button>
    </form>
  );
}

export function CategoryRowActions({ id, name, items, canRename, canDelete }: { id: string; name: string; items: number; canRename: boolean; canDelete: boolean }) {
  const fmt = useOrgFormat();
  const t = useTranslations("plugins.inventory.categoryForms");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const { form, onSubmit } = useCategoryForm(name, (v) => renameCategoryAction(id, v), () => setEditing(false));
  if (editing) {
    const inputId = `rename-${id}`;
    return (
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start justify-end gap-2" aria-label={t("renameLabel", { name })}>
        <Field id={inputId} label={<span className="sr-only">{t("newName", { name })}</span>} error={form.formState.errors.name?.message} className="min-w-48">
          {(a) => <Input {...a} autoComplete="off" autoFocus {...form.register("name")} />}
        </Field>
        <Button type="submit" size="sm" className="mt-2" pending={form.formState.isSubmitting}>
          {t("save")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          className="mt-2"
          onClick={() => {
            form.reset({ name });
            setEditing(false);
          }}
        >
          {t("cancel")}
        </Button>
      </form>
    );
  }
  return (
    <div className="flex justify-end gap-2">
      {canRename ? (
        <Button type="button" size="sm" variant="outline" aria-label={t("renameLabel", { name })} onClick={() => setEditing(true)}>
          {t("rename")}
        </Button>
      ) : null}
      {canDelete ? (
      <ConfirmDialog
        trigger={t("delete")}
        triggerSize="sm"
        triggerVariant="outline"
        triggerAriaLabel={t("deleteLabel", { name })}
        title={t("deleteTitle", { name })}
        description={items > 0 ? t("inUse", { items, count: fmt.number(items) }) : t("unused")}
        confirmLabel={t("deleteConfirm")}
        pendingLabel={t("deleting")}
        onConfirm={async () => {
          const res = await deleteCategoryAction(id);
          // The dialog stays open and shows why (e.g. "3 items still use this category").
          if (!res.ok) throw new Error(res.error);
          toast.success(res.message ?? t("deleted"));
          router.refresh();
        }}
      />
      ) : null}
    </div>
  );
}
