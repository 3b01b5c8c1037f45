"use client";

import { Toaster as SonnerToaster } from "sonner";

/** Mount once in the root layout; call `toast(...)` from `sonner` anywhere on the client. */
export function Toaster() {
  return (
    <SonnerToaster
      richColors
      closeButton
      position="top-right"
      theme="light"
      toastOptions={{ style: { fontFamily: "var(--font-sans)" } }}
    />
  );
}
