// Core's own words that are data rather than UI text — the labels of core's import resources (patients)
// — by language, keyed by the English text as plugins' `labels` maps are (core/i18n/catalogue.ts).
// English is the text itself.
import type { Language } from "./languages";

export const CORE_LABELS: Partial<Record<Language, Record<string, string>>> = {
  es: {
    Patients: "Pacientes",
    "Medical record number": "Número de historia clínica",
    "First name": "Nombre",
    "Last name": "Apellidos",
    "Date of birth": "Fecha de nacimiento",
    Phone: "Teléfono",
    Email: "Correo electrónico",
    Address: "Dirección",
    Notes: "Notas",
    "YYYY-MM-DD": "AAAA-MM-DD",
  },
};
