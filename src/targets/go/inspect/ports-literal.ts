import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { BOOTSTRAP_DIR, goFilesIn } from '../add/go-files.js';
import { isZeroValueBesideError } from '../edit/lookup.js';
import type { GoParser } from '../edit/parser.js';
import { compact, importNameOf } from './go-scope.js';
import { fileImports, keyedElements, readGo, type ImportEntry } from './syntax.js';

/** Where the composition root builds the application's ports. */
export interface PortsLiteralSite {
  file: string;
  /** The function holding the literal, as the edit engine names it: `newPorts`, or `Recv.method`. */
  func: string;
  /** The literal's type as that file writes it: `app.Ports`, or `application.Ports` under an alias. */
  type: string;
  /** Its `key: value` elements, values as written. */
  elements: { key: string; value: string }[];
  imports: ImportEntry[];
}

export type PortsLiteralLookup =
  | { site: PortsLiteralSite }
  | { site: null; problem: 'missing' | 'ambiguous'; reason: string };

/**
 * The one `app.Ports{…}` literal of the composition root: in any non-test file of
 * internal/bootstrap, in whatever function, with the app package under whatever name the file
 * imports it. Zero values returned beside an error (`return app.Ports{}, err`) are not it when
 * another literal exists. `svc add port` and `svc add adapter` both locate the wiring here.
 */
export function locatePortsLiteral(parser: GoParser, tree: Tree, module: string): PortsLiteralLookup {
  const appPath = `${module}/internal/app`;
  const found: (PortsLiteralSite & { zero: boolean })[] = [];
  for (const file of goFilesIn(tree, BOOTSTRAP_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = tree.read(file) ?? '';
    // Only files that can hold the literal are parsed (gofmt writes it `x.Ports{`).
    if (!text.includes(appPath) || !text.includes('.Ports{')) continue;
    readGo(parser, file, text, (doc) => {
      const imports = fileImports(doc);
      const app = importNameOf(imports, appPath);
      if (app === null) return;
      const type = `${app}.Ports`;
      for (const declaration of doc.root.namedChildren) {
        const func = declaration === null ? null : engineTarget(declaration);
        if (declaration === null || func === null) continue;
        for (const literal of declaration.descendantsOfType('composite_literal')) {
          const body = literal?.childForFieldName('body');
          if (literal === null || body === null || body === undefined || compact(literal.childForFieldName('type')?.text ?? '') !== type) continue;
          found.push({ file, func, type, elements: keyedElements(literal), imports, zero: isZeroValueBesideError(body) });
        }
      }
    });
  }
  const meant = found.some((site) => !site.zero) ? found.filter((site) => !site.zero) : found;
  const [only] = meant;
  if (only === undefined) {
    return { site: null, problem: 'missing', reason: `cannot find an app.Ports{…} literal in ${BOOTSTRAP_DIR} (it may have been rewritten)` };
  }
  if (meant.length > 1) {
    const places = [...new Set(meant.map((site) => `${site.func} (${site.file})`))].join(', ');
    return { site: null, problem: 'ambiguous', reason: `there are ${meant.length} app.Ports{…} literals in ${BOOTSTRAP_DIR}, in ${places}, and svc will not guess which one is the composition root` };
  }
  const { zero: _zero, ...site } = only;
  return { site };
}

/** `newPorts` for a function, `Recv.name` for a method, null for anything else. */
function engineTarget(declaration: Node): string | null {
  const name = declaration.childForFieldName('name')?.text;
  if (name === undefined) return null;
  if (declaration.type === 'function_declaration') return name;
  if (declaration.type !== 'method_declaration') return null;
  const receiverType = declaration.childForFieldName('receiver')?.namedChildren.find((child) => child?.type === 'parameter_declaration')?.childForFieldName('type');
  let node: Node | null | undefined = receiverType;
  while (node !== null && node !== undefined && (node.type === 'pointer_type' || node.type === 'generic_type')) {
    node = node.type === 'pointer_type' ? node.namedChildren[0] : node.childForFieldName('type');
  }
  return node?.type === 'type_identifier' ? `${node.text}.${name}` : null;
}
