import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/app/_plugins/runtime";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ritiko", template: "%s · Ritiko" },
  description: "Multi-tenant clinic administration: patients, appointments and staff, extensible by plugins.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Toaster />
      </body>
    </html>
  );
}
