"use client";
// The Export menu of a list page, on Radix's dropdown menu (the WAI-ARIA menu-button pattern, as
// shadcn/ui builds it): opens with click, Enter, Space or ↓, moves with the arrow keys and typeahead,
// closes with Escape or a click outside and gives focus back to the button. Items are plain links
// (downloads or the export's progress page), so a middle-click or "copy link" still works.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

export type ExportMenuEntry = { label: string; href: string } | { note: string };

const item =
  "block cursor-pointer rounded-md px-3 py-2 text-sm text-foreground outline-none select-none data-[highlighted]:bg-muted data-[highlighted]:text-foreground";

/** `label`: the button's and the menu's name ("Export"), in the member's language. */
export function ExportMenu({ label, entries }: { label: string; entries: ExportMenuEntry[] }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={buttonVariants({ variant: "outline" })}>
        <Download aria-hidden="true" /> {label} <ChevronDown aria-hidden="true" className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          aria-label={label}
          className="z-50 w-64 rounded-lg border border-border bg-surface p-1 shadow-md"
        >
          {entries.map((entry) =>
            "href" in entry ? (
              <DropdownMenu.Item key={entry.href} asChild className={item}>
                <a href={entry.href}>{entry.label}</a>
              </DropdownMenu.Item>
            ) : (
              <p key={entry.note} role="note" className="px-3 py-2 text-xs text-muted-foreground">
                {entry.note}
              </p>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
