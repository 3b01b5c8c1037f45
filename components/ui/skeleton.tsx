import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * Loading placeholder block. Decorative: pair it with an `aria-busy` container
 * or a visually hidden "Loading…" text so screen readers know content is coming.
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-border/70", className)}
      {...props}
    />
  );
}
