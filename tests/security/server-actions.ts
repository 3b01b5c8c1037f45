// Every server action of the app and its plugins, found rather than listed: Next.js turns each export
// of a module that starts with "use server" into an endpoint any signed-in browser can POST to with
// arguments of its choosing, so each of them is an entry point of the isolation matrix. Read with the
// TypeScript parser (parameter names say where a record id goes). A "use server" inside a function
// body (an inline action) is reported too: the matrix cannot call those, so it refuses to pass.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ServerAction = { file: string; name: string; params: Array<{ name: string; type: string }> };
export type Discovery = { actions: ServerAction[]; inlineActions: string[] };

const ROOTS = ["app", "core", "plugins", "components"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "generated") out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const isUseServer = (s: ts.Statement | undefined) => !!s && ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === "use server";

const exported = (n: ts.Node) => (ts.canHaveModifiers(n) ? ts.getModifiers(n) : undefined)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;

function paramsOf(fn: ts.SignatureDeclarationBase, sf: ts.SourceFile) {
  return fn.parameters.map((p) => ({ name: p.name.getText(sf), type: p.type?.getText(sf) ?? "unknown" }));
}

export function discoverServerActions(root = "."): Discovery {
  const actions: ServerAction[] = [];
  const inlineActions: string[] = [];
  for (const file of ROOTS.flatMap((r) => sourceFiles(path.join(root, r)))) {
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes("use server")) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const moduleLevel = isUseServer(sf.statements[0]);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body as ts.Node) && isUseServer((node.body as ts.Block).statements[0])) {
        inlineActions.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (!moduleLevel) continue;
    for (const s of sf.statements) {
      if (ts.isFunctionDeclaration(s) && s.name && exported(s)) actions.push({ file, name: s.name.text, params: paramsOf(s, sf) });
      if (ts.isVariableStatement(s) && exported(s)) {
        for (const d of s.declarationList.declarations) {
          if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
            actions.push({ file, name: d.name.getText(sf), params: paramsOf(d.initializer, sf) });
          } else {
            actions.push({ file, name: d.name.getText(sf), params: [{ name: "?", type: "not a function literal" }] });
          }
        }
      }
      if (ts.isExportDeclaration(s)) actions.push({ file, name: s.getText(sf), params: [{ name: "?", type: "re-export" }] });
    }
  }
  return { actions: actions.sort((x, y) => x.name.localeCompare(y.name)), inlineActions };
}
