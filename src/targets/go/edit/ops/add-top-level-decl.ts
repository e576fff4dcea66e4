import type { Node } from 'web-tree-sitter';
import { declaredNames } from '../declarations.js';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError, EditConflictError } from '../errors.js';
import { isBlankRowAt } from '../layout.js';
import { rowEndAfter } from '../list-insertion.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseDeclarationSnippet } from '../snippet.js';
import { insertion } from '../splice.js';
import { isComment } from '../syntax.js';

export interface AddTopLevelDeclArgs {
  /** A func, method, type, var or const declaration (with its doc comment, if any). */
  readonly declaration: string;
  /** Put it right after the declaration of this name (`New`, `Ports`, `Router.routes`); default: end of file. */
  readonly after?: string;
}

/** Adds a package-level declaration unless every name it declares already exists. */
export function addTopLevelDecl(parser: GoParser, source: GoSource, args: AddTopLevelDeclArgs): EditResult {
  const snippet = parseDeclarationSnippet(parser, source.file, args.declaration);
  return runEdit(parser, source, {
    summary: `add ${snippet.names.join(', ')}`,
    plan(doc) {
      const existing = new Set(topLevelDeclarations(doc).flatMap((declaration) => declaredNames(declaration)));
      const present = snippet.names.filter((name) => existing.has(name));
      if (present.length === snippet.names.length) return null;
      if (present.length > 0) {
        throw new EditConflictError(
          doc.file,
          `${doc.file}: ${present.join(', ')} already declared; the declaration to add also declares ${snippet.names
            .filter((name) => !existing.has(name))
            .join(', ')}. Nothing was changed; merge it by hand:\n\n${snippet.text}\n`,
        );
      }
      const anchor = args.after === undefined ? lastTopLevelEntry(doc) : requireDeclaration(doc, args.after, snippet.text);
      const at = rowEndAfter(doc, anchor.endIndex);
      const nextRow = at + 1;
      const separatedBelow = nextRow >= doc.text.length || isBlankRowAt(doc.text, nextRow);
      const trailingNewline = at === doc.text.length ? '\n' : '';
      const text = `\n\n${snippet.text}${separatedBelow ? '' : '\n'}${trailingNewline}`;
      return { splices: [insertion(at, text)], focus: at + 2 };
    },
    isPresent: (doc) => {
      const names = new Set(topLevelDeclarations(doc).flatMap((declaration) => declaredNames(declaration)));
      return snippet.names.every((name) => names.has(name));
    },
  });
}

function topLevelDeclarations(doc: GoDocument): Node[] {
  return doc.root.namedChildren.filter((child) => !isComment(child) && child.type !== 'package_clause');
}

function lastTopLevelEntry(doc: GoDocument): Node {
  const last = doc.root.namedChildren.at(-1);
  if (last === undefined) throw new Error('a parsed Go file has at least a package clause');
  return last;
}

function requireDeclaration(doc: GoDocument, name: string, manualSnippet: string): Node {
  const found = topLevelDeclarations(doc).find((declaration) => declaredNames(declaration).includes(name));
  if (found === undefined) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'missing',
      reason: `cannot find the declaration of ${name} (it may have been renamed or moved to another file)`,
      where: `at package level in ${doc.file}`,
      manualSnippet,
    });
  }
  return found;
}
