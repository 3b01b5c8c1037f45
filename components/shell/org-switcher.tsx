"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { Building2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Select } from "@/components/ui/select";
import type { ShellOrganization } from "./types";

export type OrgSwitcherProps = {
  organizations: ReadonlyArray<ShellOrganization>;
  activeOrganizationId: string | null;
};

/**
 * Switches the active organization by updating the session (the server's JWT
 * callback validates membership), then reloads server data from the dashboard.
 */
export function OrgSwitcher({ organizations, activeOrganizationId }: OrgSwitcherProps) {
  const { update, status } = useSession();
  const t = useTranslations("shell");
  const router = useRouter();
  const [value, setValue] = useState(activeOrganizationId ?? "");
  const [seenActiveId, setSeenActiveId] = useState(activeOrganizationId);
  const [pending, setPending] = useState(false);

  // Follow the server's view after a refresh (or a switch made in another tab).
  if (activeOrganizationId !== seenActiveId) {
    setSeenActiveId(activeOrganizationId);
    setValue(activeOrganizationId ?? "");
  }

  const only = organizations.length === 1 ? organizations[0] : undefined;
  if (organizations.length === 0) return null;
  if (only) {
    return (
      <p className="flex min-w-0 items-center gap-2 text-sm font-medium text-foreground">
        <Building2 className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        <span className="truncate">{only.name}</span>
      </p>
    );
  }

  async function switchTo(organizationId: string) {
    const organization = organizations.find((org) => org.id === organizationId);
    if (!organization) return;
    const previous = value;
    setValue(organizationId);
    setPending(true);
    try {
      // Resolves to null/undefined when the session could not be updated.
      const session = await update({ organizationId });
      if (!session) throw new Error("Session update failed");
      router.refresh();
      router.push("/");
      toast.success(t("switched", { organization: organization.name }));
    } catch {
      setValue(previous);
      toast.error(t("switchFailed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="relative min-w-0">
      <Building2
        className="pointer-events-none absolute top-1/2 left-3 z-10 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden="true"
      />
      <Select
        aria-label={t("organization")}
        value={value}
        disabled={pending || status === "loading"}
        aria-busy={pending || undefined}
        onChange={(event) => void switchTo(event.target.value)}
        containerClassName="w-full max-w-[55vw] sm:w-64 sm:max-w-none"
        className="truncate pl-9 font-medium"
      >
        {value === "" ? (
          <option value="" disabled>
            {t("selectOrganization")}
          </option>
        ) : null}
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
