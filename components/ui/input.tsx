import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look for text-like controls (input, textarea, select). */
export const controlClassName =
  "w-full min-w-0 rounded-md border border-input bg-surface text-sm text-foreground shadow-xs transition-colors " +
  "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-2 focus-visible:-outline-offset-1 " +
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70 " +
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClassName,
        "h-9 px-3 py-1.5 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        // Remove the WebKit clear button; search boxes render their own affordance.
        "[&::-webkit-search-cancel-button]:appearance-none",
        className,
      )}
      {...props}
    />
  );
}
