"use client";
// The organization settings form: validated in the browser with the schema the server action checks
// again; a refused save shows the server's reason at the field. After a save the whole admin is
// re-rendered, so the new locale and time zone show at once.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { saveOrganizationSettingsAction } from "@/core/organization/actions";
import { organizationSettingsInput, type OrganizationSettings, type OrganizationSettingsInput } from "@/core/organization/schema";

type Props = {
  defaults: OrganizationSettingsInput;
  locales: Array<{ value: string; label: string; sample: string }>;
  timeZones: string[];
  currencies: string[];
};

export function OrganizationForm({ defaults, locales, timeZones, currencies }: Props) {
  const router = useRouter();
  const t = useTranslations("organizationSettings");
  const form = useForm<OrganizationSettingsInput, unknown, OrganizationSettings>({
    resolver: zodResolver(organizationSettingsInput),
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { register, handleSubmit, setError, formState } = form;
  const locale = useWatch({ control: form.control, name: "locale" });
  const chosen = locales.find((l) => l.value === locale);

  const onSubmit = handleSubmit(async (data) => {
    const res = await saveOrganizationSettingsAction(data);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) setError(field as keyof OrganizationSettingsInput, { type: "server", message });
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? t("saved"));
    form.reset(data);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("form")} className="grid max-w-xl gap-4">
      <Field id="org-name" label={t("name")} required error={formState.errors.name?.message}>
        {(a) => <Input {...a} autoComplete="organization" maxLength={120} {...register("name")} />}
      </Field>
      <Field
        id="org-locale"
        label={t("locale")}
        error={formState.errors.locale?.message}
        description={chosen ? t("localeSample", { sample: chosen.sample }) : t("localeHelp")}
      >
        {(a) => (
          <Select {...a} {...register("locale")}>
            {locales.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="org-timezone" label={t("timezone")} error={formState.errors.timezone?.message} description={t("timezoneHelp")}>
        {(a) => (
          <Select {...a} {...register("timezone")}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="org-currency" label={t("currency")} error={formState.errors.currency?.message} description={t("currencyHelp")}>
        {(a) => (
          <Select {...a} {...register("currency")}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div>
        <Button type="submit" pending={formState.isSubmitting}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
