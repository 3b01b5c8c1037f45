// The audit log's UI text (core/i18n): English complete, Spanish typed complete against it, and the
// manifest's words in Spanish.
import type { PluginCatalogues, Translation } from "@/core/i18n/catalogue";

const en = {
  pages: {
    title: "Audit log",
    description: "Every recorded change in {organization}: who, what, before and after, from where. Entries cannot be edited or deleted.",
    entry: "Entry {seq}: {action}",
  },
};

const es = {
  pages: {
    title: "Registro de auditoría",
    description: "Cada cambio registrado en {organization}: quién, qué, antes y después, desde dónde. Las entradas no se pueden editar ni eliminar.",
    entry: "Entrada {seq}: {action}",
  },
} satisfies Translation<typeof en>;

export type AuditMessages = typeof en;

export const messages: PluginCatalogues<AuditMessages> = {
  en,
  es,
  labels: {
    es: {
      "Audit log": "Registro de auditoría",
      "Tamper-evident history of every change: who, what, before and after, from where — with a verifiable hash chain.":
        "Historial a prueba de manipulaciones de cada cambio: quién, qué, antes y después, desde dónde, con una cadena de hashes verificable.",
      "Audit entry": "Entrada de auditoría",
      "View the audit log": "Ver el registro de auditoría",
      "Export the audit log": "Exportar el registro de auditoría",
      "Verify the audit chain": "Verificar la cadena de auditoría",
      Auditor: "Auditor",
    },
  },
};
