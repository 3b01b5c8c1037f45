"use client";
// The generated settings form of a plugin: fields grouped by category, fields whose dependency is
// not met hidden (and not validated), validated in the browser with the same zod builder the server
// uses. What only the server can check (plugin validate functions, cross-field rules, nested JSON
// schemas) comes back from the action as field errors and is shown inline as well.
import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { savePluginSettingsAction } from "@/core/plugins/settings/actions";
import { fieldsByKey, sameSettingValue, type SettingFieldSpec, type SettingsFormValues } from "@/core/plugins/settings/fields";
import { activeSettingKeys, settingsZodSchema } from "@/core/plugins/settings/zod";
import { SettingControl } from "./setting-control";

type Props = {
  pluginId: string;
  pluginName: string;
  fields: SettingFieldSpec[];
  values: SettingsFormValues;
  secretsSet: Record<string, boolean>;
  timeZone: string;
};

const GENERAL = "General";

export function SettingsForm({ pluginId, pluginName, fields, values, secretsSet, timeZone }: Props) {
  const router = useRouter();
  const rules = useMemo(() => fieldsByKey(fields), [fields]);
  const schema = useMemo(() => settingsZodSchema(rules, { timeZone }), [rules, timeZone]);
  // The schema accepts any record (it also validates untrusted server input); the form's values are one.
  const resolver = zodResolver(schema) as unknown as Resolver<SettingsFormValues>;
  const form = useForm<SettingsFormValues>({ resolver, defaultValues: values, mode: "onTouched" });
  const { handleSubmit, setError, reset, formState } = form;
  const watched = useWatch({ control: form.control }) as SettingsFormValues;
  const active = activeSettingKeys(rules, watched, { timeZone });
  const groups = useMemo(() => groupByCategory(fields), [fields]);

  const onSubmit = handleSubmit(async () => {
    const current = form.getValues();
    const saved = (formState.defaultValues ?? values) as SettingsFormValues;
    // Only what was edited: a save never overwrites what another admin changed meanwhile in fields
    // this admin did not touch. Empty secrets are "keep" and equal to their initial "".
    const edited = Object.fromEntries(Object.entries(current).filter(([key, v]) => !sameSettingValue(v, saved[key])));
    if (Object.keys(edited).length === 0) {
      toast.info("Nothing to save: no setting was changed.");
      return;
    }
    const res = await savePluginSettingsAction(pluginId, edited);
    if (!res.ok) {
      for (const [key, message] of Object.entries(res.fieldErrors ?? {})) {
        if (key in rules) setError(key, { type: "server", message }, { shouldFocus: true });
      }
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? "Settings saved.");
    // Typed secrets are stored now; the inputs go back to "keep" and the status badges refresh.
    const blankSecrets = Object.fromEntries(fields.filter((f) => f.type === "secret").map((f) => [f.key, ""]));
    reset({ ...current, ...blankSecrets });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5" aria-label={`${pluginName} settings`}>
      {groups.map(([category, specs]) => {
        const visible = specs.filter((s) => active.has(s.key));
        if (visible.length === 0) return null;
        return (
          <Card key={category}>
            <CardHeader>
              <CardTitle>{category}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-5">
              {visible.map((spec) => (
                <SettingControl
                  key={spec.key}
                  spec={spec}
                  form={form}
                  error={formState.errors[spec.key]?.message}
                  secretSet={secretsSet[spec.key]}
                  timeZone={timeZone}
                />
              ))}
            </CardContent>
          </Card>
        );
      })}
      <div className="flex gap-3">
        <Button type="submit" pending={formState.isSubmitting}>
          Save settings
        </Button>
        <Button type="button" variant="outline" disabled={!formState.isDirty || formState.isSubmitting} onClick={() => reset()}>
          Discard changes
        </Button>
      </div>
    </form>
  );
}

/** Categories in the order their first field is declared; fields without one go under "General". */
function groupByCategory(fields: SettingFieldSpec[]): [string, SettingFieldSpec[]][] {
  const groups = new Map<string, SettingFieldSpec[]>();
  for (const f of fields) {
    const category = f.category?.trim() || GENERAL;
    groups.set(category, [...(groups.get(category) ?? []), f]);
  }
  return [...groups];
}
