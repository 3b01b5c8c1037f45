import type { ReactNode } from "react";
import { cn } from "./cn";
import { FieldErrorText } from "./field-text";
import { Label } from "./label";

export type FieldA11yOptions = {
  /** Set when the field renders a description, so it is announced with the control. */
  description?: boolean;
  required?: boolean;
};

export type FieldA11yProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
};

/**
 * Accessibility props for a control rendered inside `<Field>`:
 * `<Input {...fieldA11y("email", errors.email?.message)} />`.
 * Ids follow Field's convention: `${id}-description` and `${id}-error`.
 */
export function fieldA11y(id: string, error?: string | null, options: FieldA11yOptions = {}): FieldA11yProps {
  const describedBy = [options.description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
    "aria-required": options.required ? true : undefined,
  };
}

export type FieldProps = {
  /** The control's id; the label, description and error are wired to it. */
  id: string;
  label: ReactNode;
  error?: string | null;
  description?: ReactNode;
  required?: boolean;
  className?: string;
  /**
   * The control. Pass a function to receive ready-made a11y props:
   * `{(a11y) => <Input {...a11y} {...register("email")} />}`.
   * With plain children, spread `fieldA11y(id, error)` on the control yourself.
   */
  children: ReactNode | ((a11y: FieldA11yProps) => ReactNode);
};

export function Field({ id, label, error, description, required = false, className, children }: FieldProps) {
  const a11y = fieldA11y(id, error, { description: description != null, required });
  return (
    <div data-slot="field" className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>
        {label}
        {required ? (
          <span className="ml-0.5 text-danger-text" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      {typeof children === "function" ? children(a11y) : children}
      {description != null ? (
        <p id={`${id}-description`} className="text-[13px] text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-[13px] font-medium text-danger-text">
          <FieldErrorText>{error}</FieldErrorText>
        </p>
      ) : null}
    </div>
  );
}
