import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "./cn";
import { controlClassName } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Class for the positioning wrapper (width, margins); `className` styles the select itself. */
  containerClassName?: string;
};

/** A native `<select>` (best keyboard, mobile and screen-reader support) with the kit's styling. */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", containerClassName)}>
      <select
        data-slot="select"
        className={cn(controlClassName, "h-9 appearance-none py-1.5 pr-9 pl-3", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden="true"
      />
    </div>
  );
}
