// `npm run ritiko -- <command>`: the command line.
//   plugin new <id> [--with ...] / plugin migrate <id> --name <name>
//       the plugin author's commands (scripts/lib/plugin-author/cli.ts): files only, no database;
//   everything else: the plugin management CLI (scripts/lib/plugin-admin-cli.ts), which loads the
//       plugin runtime and the database first.
// Dispatched before anything is loaded, so a half-written plugin cannot stop `plugin new` from running.
export {};

const argv = process.argv.slice(2);
if (argv[0] === "plugin" && (argv[1] === "new" || argv[1] === "migrate")) {
  const { authorCommand } = await import("./lib/plugin-author/cli");
  process.exit(await authorCommand(argv.slice(1)));
} else {
  await import("./lib/plugin-admin-cli");
}
