/**
 * The public API as a text report: every name each package entry (package.json "exports") exports, with its kind and
 * declared type, one line each, sorted. test/package/api-report.test.ts compares it with the committed report in
 * test/package/api/, so a change to what users can import is always deliberate:
 *
 *   npm run api:report          # rewrite the committed report after a deliberate change
 *
 * Made with the TypeScript compiler API from the sources (no build needed).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..");

/** Entry name ("nafuda", "nafuda/kana") → its source file, from package.json's exports. */
export function apiEntries(): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; exports: Record<string, { default: string }> };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === "./package.json") continue;
    const source = target.default.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts");
    entries.set(subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, join(root, source));
  }
  return entries;
}

/** The report of one entry: "kind name: type" lines, sorted. */
export function apiReport(): Map<string, string> {
  const entries = apiEntries();
  const program = ts.createProgram([...entries.values(), join(root, "src", "messages", "catalogue.ts")], {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true,
    skipLibCheck: true, types: ["node"],
  });
  const checker = program.getTypeChecker();
  // The union of every message code, written out, would change every line that mentions it whenever a message is
  // added: it is shown as Code.
  const catalogue = program.getSourceFile(join(root, "src", "messages", "catalogue.ts"));
  const codeSymbol = catalogue && checker.getSymbolAtLocation(catalogue)
    ? checker.getExportsOfModule(checker.getSymbolAtLocation(catalogue)!).find((s) => s.getName() === "Code")
    : undefined;
  const codeUnion = codeSymbol ? checker.typeToString(checker.getDeclaredTypeOfSymbol(codeSymbol), undefined, ts.TypeFormatFlags.NoTruncation) : null;
  const shorten = (text: string) => (codeUnion ? text.split(codeUnion).join("Code") : text);
  const reports = new Map<string, string>();
  for (const [name, file] of entries) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`no source for ${name}: ${file}`);
    program.getSourceFile(join(root, "src", "messages", "catalogue.ts"));
    const module = checker.getSymbolAtLocation(source);
    const lines: string[] = [];
    for (const symbol of module ? checker.getExportsOfModule(module) : []) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declaration = target.declarations?.[0];
      const kind = describeKind(target);
      let type: string;
      if (target.flags & ts.SymbolFlags.Class && declaration) {
        type = classText(checker, target, declaration);
      } else if (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
        type = checker.typeToString(checker.getDeclaredTypeOfSymbol(target), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
        if (target.flags & ts.SymbolFlags.Interface) type = interfaceText(checker, target);
      } else if (declaration) {
        type = checker.typeToString(checker.getTypeOfSymbolAtLocation(target, declaration), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
      } else type = "?";
      lines.push(`${kind} ${symbol.getName()}: ${shorten(type).replace(/\s+/g, " ")}`);
    }
    reports.set(name, lines.sort().join("\n") + "\n");
  }
  return reports;
}

function describeKind(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return "class";
  if (f & ts.SymbolFlags.Function) return "function";
  if (f & ts.SymbolFlags.Interface) return "interface";
  if (f & ts.SymbolFlags.TypeAlias) return "type";
  if (f & ts.SymbolFlags.Enum) return "enum";
  return "const";
}

/** A class as its constructors and its public instance members. */
function classText(checker: ts.TypeChecker, symbol: ts.Symbol, declaration: ts.Declaration): string {
  const constructorType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
  const constructors = constructorType.getConstructSignatures().map((signature) => `new ${checker.signatureToString(signature, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope)}`);
  const instance = checker.getDeclaredTypeOfSymbol(symbol);
  const members = checker.getPropertiesOfType(instance)
    .filter((property) => !(ts.getCombinedModifierFlags(property.valueDeclaration ?? property.declarations?.[0] ?? declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)))
    .filter((property) => !property.getName().startsWith("#") && !["stack", "cause"].includes(property.getName()))
    .map((property) => {
      const at = property.valueDeclaration ?? property.declarations?.[0] ?? declaration;
      return `${property.getName()}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(property, at), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope)}`;
    });
  return `{ ${[...constructors, ...members].join("; ")} }`;
}

/** An interface as its members, so that a field added or changed shows in the report. */
function interfaceText(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  const members = checker.getPropertiesOfType(type).map((property) => {
    const declaration = property.declarations?.[0];
    const optional = property.flags & ts.SymbolFlags.Optional ? "?" : "";
    const text = declaration ? checker.typeToString(checker.getTypeOfSymbolAtLocation(property, declaration), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope) : "?";
    return `${property.getName()}${optional}: ${text}`;
  });
  return `{ ${members.join("; ")} }`;
}

export const REPORT_DIR = join(root, "test", "package", "api");
export const reportFile = (entry: string) => join(REPORT_DIR, `${entry.replace(/\//g, "+")}.api.txt`);

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(REPORT_DIR, { recursive: true });
  for (const [entry, report] of apiReport()) writeFileSync(reportFile(entry), report);
  process.stderr.write(`API report written to ${REPORT_DIR}\n`);
}
