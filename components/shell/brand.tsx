import { HeartPulse } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type BrandProps = {
  size?: "md" | "lg";
  className?: string;
};

/** The Ritiko wordmark. Wrap it in a link where it should navigate. */
export function Brand({ size = "md", className }: BrandProps) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <span
        aria-hidden="true"
        className={cn(
          "flex items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm",
          size === "lg" ? "size-11 [&_svg]:size-6" : "size-8 [&_svg]:size-[18px]",
        )}
      >
        <HeartPulse strokeWidth={2.25} />
      </span>
      <span
        className={cn(
          "font-semibold tracking-tight text-foreground",
          size === "lg" ? "text-2xl" : "text-lg",
        )}
      >
        Ritiko
      </span>
    </span>
  );
}
