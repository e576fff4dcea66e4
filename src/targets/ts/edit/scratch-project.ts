import type { Project, SourceFile, ts } from 'ts-morph';

type TsMorph = typeof import('ts-morph');

/**
 * An in-memory ts-morph project holding only the files put in it: no tsconfig, no node_modules,
 * no lib, no type checking, so a 300-file service costs what the files read cost. Manipulations
 * follow the generated code (and its ESLint config): two spaces, single quotes, semicolons,
 * trailing commas in multi-line literals.
 */
export function scratchProject(morph: TsMorph): Project {
  return new morph.Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: false, noLib: true },
    manipulationSettings: {
      indentationText: morph.IndentationText.TwoSpaces,
      newLineKind: morph.NewLineKind.LineFeed,
      quoteKind: morph.QuoteKind.Single,
      useTrailingCommas: true,
      insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
      usePrefixAndSuffixTextForRename: false,
    },
  });
}

/** The syntax errors the parser reported for the file (ts-morph does not expose them itself). */
export function parseDiagnostics(source: SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (source.compilerNode as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}
