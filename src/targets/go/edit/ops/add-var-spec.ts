import type { Node } from 'web-tree-sitter';
import { declaredNames } from '../declarations.js';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError, InvalidSnippetError } from '../errors.js';
import { appendToList } from '../list-insertion.js';
import { varSpecs } from '../list-shapes.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseVarSpecSnippet } from '../snippet.js';

export interface AddVarSpecArgs {
  /** A name the grouped `var ( … )` declares, e.g. `ErrInvalid`: the new spec joins that group. */
  readonly besides: string;
  /**
   * One var spec with its doc comment above it: `// ErrGone means …\nErrGone = errors.New("gone")`.
   * The comment is required: it documents the name and starts a gofmt alignment section of its
   * own, so no row of the group needs re-padding.
   */
  readonly spec: string;
}

/** Appends a spec to the grouped var declaration that declares `besides`, unless its names are declared already. */
export function addVarSpec(parser: GoParser, source: GoSource, args: AddVarSpecArgs): EditResult {
  const snippet = parseVarSpecSnippet(parser, source.file, args.spec);
  if (!snippet.commented) throw new InvalidSnippetError(source.file, args.spec, 'a var spec added to a group needs its doc comment above it');
  return runEdit(parser, source, {
    summary: `add ${snippet.names.join(', ')} to the var group of ${args.besides}`,
    plan(doc) {
      if (declaresAll(doc, snippet.names)) return null;
      const group = requireGroup(doc, args.besides, snippet.text);
      const insertion = appendToList(doc, varSpecs(group), snippet);
      return { splices: [insertion.splice], focus: insertion.focus };
    },
    isPresent: (doc) => declaresAll(doc, snippet.names),
  });
}

function declaresAll(doc: GoDocument, names: readonly string[]): boolean {
  const declared = new Set(doc.root.namedChildren.flatMap((node) => declaredNames(node)));
  return names.every((name) => declared.has(name));
}

/** The `var_spec_list` of the top-level `var ( … )` that declares `name`. */
function requireGroup(doc: GoDocument, name: string, manualSnippet: string): Node {
  const declaration = doc.root.namedChildren.find((node) => node.type === 'var_declaration' && declaredNames(node).includes(name));
  const where = `in the var ( … ) group that declares ${name} in ${doc.file}, or beside it`;
  if (declaration === undefined) {
    throw new AnchorNotFoundError(doc.file, { problem: 'missing', reason: `cannot find the var declaration of ${name}`, where, manualSnippet });
  }
  const group = declaration.namedChildren.find((child) => child.type === 'var_spec_list');
  if (group === undefined) {
    throw new AnchorNotFoundError(doc.file, { problem: 'wrong-kind', reason: `${name} is declared on its own, not in a var ( … ) group`, where, manualSnippet });
  }
  return group;
}
