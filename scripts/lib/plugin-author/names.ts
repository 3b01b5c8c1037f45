// A new plugin's id, checked, and the names derived from it for the files the scaffolder writes.
import fs from "node:fs";
import path from "node:path";
import { RESERVED } from "../../generate-plugins";
import { AuthorError } from "./errors";

export type Names = {
  /** "clinic-notes": folder, URL segment, permission prefix. */
  id: string;
  /** "ClinicNotes": model name prefix. */
  pascal: string;
  /** "clinicNotes": Prisma client accessor prefix, variable names. */
  camel: string;
  /** "clinic_notes": table name prefix. */
  snake: string;
  /** "CLINIC_NOTES": constants. */
  constant: string;
  /** "Clinic notes": what members read. */
  title: string;
};

export function namesOf(id: string): Names {
  const words = id.split("-");
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return {
    id,
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    snake: words.join("_"),
    constant: words.join("_").toUpperCase(),
    title: (words.join(" ").charAt(0).toUpperCase() + words.join(" ").slice(1)),
  };
}

/** Refuses an id that is invalid or clashes with what exists, saying why. */
export function checkNewId(root: string, id: string | undefined): Names {
  if (!id) throw new AuthorError("Name the plugin: `npm run ritiko -- plugin new <id>` (e.g. clinic-notes).");
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(id) || id.endsWith("-") || id.includes("--")) {
    throw new AuthorError(`"${id}" is not a valid plugin id: use 2-40 lower-case letters, digits and single dashes, starting with a letter (e.g. clinic-notes).`);
  }
  if (RESERVED.has(id)) throw new AuthorError(`"${id}" is a core URL segment (/${id}); a plugin with that id would shadow core pages. Choose another id.`);
  if (fs.existsSync(path.join(root, "plugins", id))) throw new AuthorError(`plugins/${id} already exists. Choose another id, or remove that folder first.`);
  if (fs.existsSync(path.join(root, "app", "(admin)", id)) || fs.existsSync(path.join(root, "app", "api", "v1", id))) {
    throw new AuthorError(`The app already has routes at /${id} or /api/v1/${id}. Choose another id.`);
  }
  const names = namesOf(id);
  const schemaDir = path.join(root, "prisma", "schema");
  const taken = fs.existsSync(schemaDir)
    ? fs.readdirSync(schemaDir).some((f) => new RegExp(`^model\\s+${names.pascal}Record\\s*\\{|@@map\\("${names.snake}_records"\\)`, "m").test(fs.readFileSync(path.join(schemaDir, f), "utf8")))
    : false;
  if (taken) throw new AuthorError(`The model ${names.pascal}Record or the table ${names.snake}_records already exists in prisma/schema. Choose another id.`);
  return names;
}
