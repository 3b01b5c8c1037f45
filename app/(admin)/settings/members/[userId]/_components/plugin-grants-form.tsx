"use client";
// The groups and single permissions one plugin grants one member, saved together. A permission that
// a selected group already includes shows as granted (and says by which group), so what the member
// will be able to do is visible before saving. Groups the member's role has by default show checked
// and locked: they come with the role, not with a grant, so there is nothing to remove here.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { saveMemberPluginGrantsAction } from "@/core/plugins/permission-actions";
import type { PluginGrants } from "@/core/plugins/member-grants";

type Props = { userId: string; memberName: string; roleLabel: string; plugin: PluginGrants };

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === new Set(b).size && b.every((k) => a.has(k));
}

function toggled(set: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

export function PluginGrantsForm({ userId, memberName, roleLabel, plugin }: Props) {
  const router = useRouter();
  const t = useTranslations("members.form");
  const id = useId();
  const [groups, setGroups] = useState<Set<string>>(() => new Set(plugin.grantedGroups));
  const [permissions, setPermissions] = useState<Set<string>>(() => new Set(plugin.grantedPermissions));
  const [pending, startTransition] = useTransition();

  const dirty = !sameSet(groups, plugin.grantedGroups) || !sameSet(permissions, plugin.grantedPermissions);
  const labelOf = (key: string) => plugin.permissions.find((p) => p.key === key)?.label ?? key;
  const grantingGroups = (key: string) => [
    ...plugin.groups.filter((g) => (groups.has(g.key) || plugin.roleGroups.includes(g.key)) && g.permissions.includes(key)).map((g) => g.label),
    ...(plugin.viaOtherPlugins[key] ?? []),
  ];
  const effective = plugin.permissions.filter((p) => permissions.has(p.key) || grantingGroups(p.key).length > 0).length;

  function reset() {
    setGroups(new Set(plugin.grantedGroups));
    setPermissions(new Set(plugin.grantedPermissions));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const res = await saveMemberPluginGrantsAction({ userId, pluginId: plugin.pluginId, groups: [...groups], permissions: [...permissions] });
      if (!res.ok) {
        toast.error(res.error);
        return;
      }
      toast.success(res.message ?? t("saved"));
      router.refresh();
    });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
        <CardHeader>
          <CardTitle id={`${id}-title`}>{plugin.pluginName}</CardTitle>
          <CardDescription id={`${id}-summary`}>
            {t("summary", { name: memberName, effective, n: plugin.permissions.length, dirty: dirty ? "yes" : "no" })}
          </CardDescription>
        </CardHeader>
        <CardContent className={cn("grid gap-6", plugin.groups.length > 0 && "md:grid-cols-2")}>
          {plugin.groups.length > 0 ? (
            <fieldset className="grid content-start gap-3">
              <legend className="mb-3 text-sm font-semibold">{t("groups")}</legend>
              {plugin.groups.map((group) => (
                <CheckRow
                  key={group.key}
                  id={`${id}-g-${group.key}`}
                  label={group.label}
                  description={[group.description, t("includes", { permissions: group.permissions.map(labelOf).join(", ") })].filter(Boolean).join(" ")}
                  checked={groups.has(group.key) || plugin.roleGroups.includes(group.key)}
                  lockedNote={plugin.roleGroups.includes(group.key) ? t("withRole", { role: roleLabel }) : undefined}
                  onChange={(on) => setGroups((s) => toggled(s, group.key, on))}
                />
              ))}
            </fieldset>
          ) : null}
          <fieldset className="grid content-start gap-3">
            <legend className="mb-3 text-sm font-semibold">{plugin.groups.length > 0 ? t("single") : t("permissions")}</legend>
            {plugin.permissions.map((permission) => {
              const via = grantingGroups(permission.key);
              return (
                <CheckRow
                  key={permission.key}
                  id={`${id}-p-${permission.key}`}
                  label={permission.label}
                  description={permission.description}
                  checked={permissions.has(permission.key) || via.length > 0}
                  // Granted through a group: unchecking here would change nothing, so it is locked.
                  lockedNote={via.length > 0 ? t("grantedBy", { groups: via.join(", ") }) : undefined}
                  onChange={(on) => setPermissions((s) => toggled(s, permission.key, on))}
                />
              );
            })}
          </fieldset>
        </CardContent>
        <CardFooter className="flex-wrap">
          <Button type="submit" pending={pending} disabled={!dirty}>
            {t("save", { plugin: plugin.pluginName })}
          </Button>
          <Button type="button" variant="ghost" onClick={reset} disabled={!dirty || pending}>
            {t("discard")}
          </Button>
          <p role="status" className="text-sm text-muted-foreground">
            {dirty ? t("unsaved") : ""}
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}

type CheckRowProps = {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  lockedNote?: string;
  onChange: (checked: boolean) => void;
};

function CheckRow({ id, label, description, checked, lockedNote, onChange }: CheckRowProps) {
  const describedBy = [description ? `${id}-desc` : null, lockedNote ? `${id}-via` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        // aria-disabled keeps a locked box focusable, so its "Granted by …" note is still read out.
        aria-disabled={lockedNote ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          if (!lockedNote) onChange(event.target.checked);
        }}
        className={cn("mt-0.5 size-4 shrink-0 accent-primary", lockedNote && "cursor-not-allowed opacity-60")}
      />
      <div className="grid gap-0.5 text-sm">
        <label htmlFor={id} className={cn("font-medium", lockedNote ? "cursor-not-allowed" : "cursor-pointer")}>
          {label}
        </label>
        {description ? (
          <p id={`${id}-desc`} className="text-[13px] text-muted-foreground">
            {description}
          </p>
        ) : null}
        {lockedNote ? (
          <p id={`${id}-via`} className="text-[13px] font-medium text-primary">
            {lockedNote}
          </p>
        ) : null}
      </div>
    </div>
  );
}
