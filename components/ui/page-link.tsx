// A "previous / next page" link of a simple pager: an outline button, or the same look marked
// aria-disabled (not a link at all) when there is no such page.
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "./button";

export function PageLink({ href, children, scroll = true }: { href: string | null; children: ReactNode; scroll?: boolean }) {
  const className = buttonVariants({ variant: "outline", size: "sm" });
  if (!href) {
    return (
      <span className={className} aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} scroll={scroll} className={className}>
      {children}
    </Link>
  );
}
