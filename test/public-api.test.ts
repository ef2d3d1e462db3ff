// The public API of the package (`import … from 'sparbar'`, src/index.ts) pinned by name and kind, so that an
// export that is added, renamed, removed or turned from a value into a type is a deliberate change to this list.
// Kinds come from the TypeScript compiler (types and interfaces have no runtime trace); the runtime module is
// checked against the value exports too.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** A value exported with `export type` (here through `export type *`) has no runtime value: it is a type-only name. */
type Kind = 'class' | 'function' | 'const' | 'const (type only)' | 'interface' | 'type';

const PUBLIC_API: Record<string, Kind> = {
  ActionStatus: 'type',
  Assessment: 'type',
  CheckMessage: 'type',
  CheckResult: 'interface',
  CheckSession: 'class',
  Coverage: 'type',
  Derived: 'type',
  DocumentYears: 'type',
  EdgeType: 'type',
  FileFields: 'type',
  FollowUp: 'type',
  GRAPH_FORMAT: 'const (type only)',
  GRAPH_VERSION: 'const (type only)',
  Graph: 'type',
  GraphEdge: 'type',
  GraphIndex: 'interface',
  GraphNode: 'type',
  IndicatorPoint: 'type',
  IndicatorSeries: 'type',
  NodeFields: 'type',
  NodeFieldsByType: 'interface',
  NodeOf: 'type',
  NodeType: 'type',
  PlanDiff: 'interface',
  PlanDiffReport: 'interface',
  PlanFileBytes: 'interface',
  PlanHistory: 'type',
  PlansFolderError: 'class',
  RULES: 'const',
  Rule: 'interface',
  RuleId: 'type',
  Rollup: 'type',
  SinceAdoption: 'type',
  SourcePosition: 'type',
  StatusCounts: 'type',
  checkFiles: 'function',
  checkPlans: 'function',
  compareRevisions: 'function',
  diffGraphs: 'function',
  formatDiffMarkdown: 'function',
  graphToJson: 'function',
  indexGraph: 'function',
  planSinceAdoption: 'function',
  readPlanHistory: 'function',
  severityOf: 'function',
};

const INDEX = path.resolve('src/index.ts');

/** Every export of src/index.ts with its kind, as the TypeScript compiler sees it (re-exports followed). */
function exportedKinds(): Record<string, string> {
  const program = ts.createProgram([INDEX], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  // Names exported with `export type` (`export type * from …`, `export type { … }`, `export { type … }`) have no
  // runtime value, whatever they are where they are declared.
  const typeOnlyNames = new Set<string>();
  for (const statement of program.getSourceFile(INDEX)!.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) if (statement.isTypeOnly || e.isTypeOnly) typeOnlyNames.add(e.name.text);
    } else if (statement.isTypeOnly && statement.moduleSpecifier) {
      const from = checker.getSymbolAtLocation(statement.moduleSpecifier);
      for (const symbol of from ? checker.getExportsOfModule(from) : []) typeOnlyNames.add(symbol.name);
    }
  }
  const out: Record<string, string> = {};
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const f = target.flags;
    const typeOnly = typeOnlyNames.has(symbol.name) && (f & ts.SymbolFlags.Value) !== 0;
    out[symbol.name] =
      f & ts.SymbolFlags.Class
        ? 'class'
        : f & ts.SymbolFlags.Function
          ? 'function'
          : f & ts.SymbolFlags.Variable
            ? 'const'
            : f & ts.SymbolFlags.Interface
              ? 'interface'
              : f & ts.SymbolFlags.TypeAlias
                ? 'type'
                : `unknown (${f})`;
    if (typeOnly) out[symbol.name] += ' (type only)';
  }
  return out;
}

describe('the public API (src/index.ts)', () => {
  it('exports exactly these names, each of this kind', () => {
    const actual = exportedKinds();
    const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(sorted(actual)).toEqual(sorted(PUBLIC_API));
  });

  it('the module has a runtime value for exactly the value exports', async () => {
    const runtime = (await import('../src/index.js')) as Record<string, unknown>;
    const values = Object.entries(PUBLIC_API).filter(([, kind]) => kind === 'class' || kind === 'function' || kind === 'const');
    expect(Object.keys(runtime).sort()).toEqual(values.map(([name]) => name).sort());
    for (const [name, kind] of values) {
      if (kind === 'const') expect(runtime[name], name).toBeDefined();
      else expect(typeof runtime[name], name).toBe('function');
    }
    expect(Array.isArray(runtime['RULES'])).toBe(true);
  });
});
