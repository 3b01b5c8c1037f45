"use client";
// One setting on the generated settings page: the control that fits its type, wired to
// react-hook-form, with its label, help text and inline error announced to screen readers.
import { Controller, type UseFormReturn } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { isSecretClear, SECRET_CLEAR, type SettingFieldSpec, type SettingsFormValues } from "@/core/plugins/settings/fields";

type Props = {
  spec: SettingFieldSpec;
  form: UseFormReturn<SettingsFormValues>;
  error?: string;
  /** Secrets only: whether a value is stored (the value itself never reaches the browser). */
  secretSet?: boolean;
  timeZone: string;
};

const checkboxClassName = "mt-0.5 size-4 shrink-0 rounded border-input accent-primary";

export function SettingControl({ spec, form, error, secretSet = false, timeZone }: Props) {
  const id = `setting-${spec.key}`;
  const { register } = form;
  switch (spec.type) {
    case "boolean":
      return <CheckboxField id={id} label={spec.label} help={spec.help} error={error} input={register(spec.key)} />;
    case "secret":
      return <SecretField id={id} spec={spec} form={form} error={error} set={secretSet} />;
    case "datetime":
      return (
        <Field id={id} label={spec.label} error={error} description={[spec.help, `Time in ${timeZone}.`].filter(Boolean).join(" ")}>
          {(a) => <Input {...a} type="datetime-local" {...register(spec.key)} />}
        </Field>
      );
  }
  return (
    <Field id={id} label={spec.label} error={error} description={spec.help}>
      {(a) => {
        switch (spec.type) {
          case "integer":
            return <Input {...a} type="number" inputMode="numeric" step={1} min={spec.min} max={spec.max} {...register(spec.key)} />;
          case "decimal":
            return <Input {...a} inputMode="decimal" autoComplete="off" {...register(spec.key)} />;
          case "text":
            return spec.multiline ? (
              <Textarea {...a} rows={4} {...register(spec.key)} />
            ) : (
              <Input {...a} type={spec.format === "email" ? "email" : spec.format === "url" ? "url" : "text"} autoComplete="off" {...register(spec.key)} />
            );
          case "choice":
            return (
              <Select {...a} {...register(spec.key)}>
                {spec.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            );
          case "json":
            return <Textarea {...a} rows={6} spellCheck={false} className="font-mono text-[13px]" {...register(spec.key)} />;
          case "date":
            return <Input {...a} type="date" {...register(spec.key)} />;
        }
      }}
    </Field>
  );
}

/** Label beside the box (the usual checkbox layout), with the same a11y wiring as `Field`. */
function CheckboxField({ id, label, help, error, input }: { id: string; label: string; help?: string; error?: string; input: ReturnType<UseFormReturn<SettingsFormValues>["register"]> }) {
  const a = fieldA11y(id, error, { description: help != null });
  return (
    <div data-slot="field" className="grid gap-1.5">
      <div className="flex items-start gap-2.5">
        <input type="checkbox" {...a} {...input} className={checkboxClassName} />
        <Label htmlFor={id} className="leading-5">
          {label}
        </Label>
      </div>
      {help ? (
        <p id={`${id}-description`} className="pl-6.5 text-[13px] text-muted-foreground">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="pl-6.5 text-[13px] font-medium text-danger-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A secret is never pre-filled: the input starts empty ("keep the current value"), typing replaces
 * it, and "Clear" removes it. Its status says whether one is stored.
 */
function SecretField({ id, spec, form, error, set }: { id: string; spec: SettingFieldSpec; form: UseFormReturn<SettingsFormValues>; error?: string; set: boolean }) {
  return (
    <Controller
      name={spec.key}
      control={form.control}
      render={({ field }) => {
        const cleared = isSecretClear(field.value);
        return (
          <Field
            id={id}
            error={error}
            description={spec.help}
            label={
              <span className="inline-flex items-center gap-2">
                {spec.label}{" "}
                <Badge variant={set ? "success" : "neutral"}>{set ? "Set" : "Not set"}</Badge>
              </span>
            }
          >
            {(a) => (
              <div className="grid gap-2">
                <Input
                  {...a}
                  ref={field.ref}
                  name={field.name}
                  type="password"
                  autoComplete="new-password"
                  value={cleared || typeof field.value !== "string" ? "" : field.value}
                  disabled={cleared}
                  placeholder={set ? "Leave empty to keep the current value" : "Enter a value"}
                  onChange={(e) => field.onChange(e.target.value)}
                  onBlur={field.onBlur}
                />
                {set ? (
                  <div className="flex items-center gap-2">
                    <input
                      id={`${id}-clear`}
                      type="checkbox"
                      checked={cleared}
                      onChange={(e) => field.onChange(e.target.checked ? SECRET_CLEAR : "")}
                      className={checkboxClassName}
                    />
                    <Label htmlFor={`${id}-clear`} className="font-normal">
                      Clear the stored value<span className="sr-only"> of {spec.label}</span>
                    </Label>
                  </div>
                ) : null}
              </div>
            )}
          </Field>
        );
      }}
    />
  );
}
