"use client";

import { Toaster as SonnerToaster } from "sonner";

/**
 * Mount once in the root layout; call `toast(...)` from `sonner` anywhere on the client. `theme` is
 * the user's choice (components/shell/theme.ts): "system" follows the operating system, like the page.
 */
export function Toaster({ theme = "system" }: { theme?: "system" | "light" | "dark" }) {
  return (
    <SonnerToaster
      richColors
      closeButton
      position="top-right"
      theme={theme}
      toastOptions={{ style: { fontFamily: "var(--font-sans)" } }}
    />
  );
}
