import { addImport } from './ops/add-import.js';
import type { AddImportArgs } from './ops/add-import.js';
import { addInterfaceMethod } from './ops/add-interface-method.js';
import type { AddInterfaceMethodArgs } from './ops/add-interface-method.js';
import { addKeyedElement } from './ops/add-keyed-element.js';
import { addParameter } from './ops/add-parameter.js';
import { addCallArguments } from './ops/add-call-arguments.js';
import type { AddCallArgumentsArgs } from './ops/add-call-arguments.js';
import type { AddParameterArgs } from './ops/add-parameter.js';
import type { AddKeyedElementArgs } from './ops/add-keyed-element.js';
import { addStatement } from './ops/add-statement.js';
import type { AddStatementArgs } from './ops/add-statement.js';
import { addStructField } from './ops/add-struct-field.js';
import type { AddStructFieldArgs } from './ops/add-struct-field.js';
import { addTopLevelDecl } from './ops/add-top-level-decl.js';
import type { AddTopLevelDeclArgs } from './ops/add-top-level-decl.js';
import { removeUnusedImport } from './ops/remove-unused-import.js';
import type { RemoveUnusedImportArgs } from './ops/remove-unused-import.js';
import { setKeyedValue } from './ops/set-keyed-value.js';
import type { SetKeyedValueArgs } from './ops/set-keyed-value.js';
import { addVarElement } from './ops/add-var-element.js';
import type { AddVarElementArgs } from './ops/add-var-element.js';
import { addVarSpec } from './ops/add-var-spec.js';
import type { AddVarSpecArgs } from './ops/add-var-spec.js';
import type { GoParser } from './parser.js';
import type { EditResult, GoSource } from './run-edit.js';

/** One edit of a Go file, as data (what feature modules hand to the engine). */
export type GoEdit =
  | ({ readonly kind: 'import' } & AddImportArgs)
  | ({ readonly kind: 'struct-field' } & AddStructFieldArgs)
  | ({ readonly kind: 'keyed-element' } & AddKeyedElementArgs)
  | ({ readonly kind: 'interface-method' } & AddInterfaceMethodArgs)
  | ({ readonly kind: 'statement' } & AddStatementArgs)
  | ({ readonly kind: 'top-level-decl' } & AddTopLevelDeclArgs)
  | ({ readonly kind: 'set-keyed-value' } & SetKeyedValueArgs)
  | ({ readonly kind: 'remove-unused-import' } & RemoveUnusedImportArgs)
  | ({ readonly kind: 'var-spec' } & AddVarSpecArgs)
  | ({ readonly kind: 'var-element' } & AddVarElementArgs)
  | ({ readonly kind: 'parameter' } & AddParameterArgs)
  | ({ readonly kind: 'call-arguments' } & AddCallArgumentsArgs);

export interface GoEditStep {
  readonly edit: GoEdit;
  readonly summary: string;
  readonly changed: boolean;
}

/** Everything a dry run needs: both texts (for a diff) and what each step did. */
export interface GoEditsOutcome {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
  readonly steps: readonly GoEditStep[];
}

export function applyGoEdit(parser: GoParser, source: GoSource, edit: GoEdit): EditResult {
  switch (edit.kind) {
    case 'import':
      return addImport(parser, source, edit);
    case 'struct-field':
      return addStructField(parser, source, edit);
    case 'keyed-element':
      return addKeyedElement(parser, source, edit);
    case 'interface-method':
      return addInterfaceMethod(parser, source, edit);
    case 'statement':
      return addStatement(parser, source, edit);
    case 'top-level-decl':
      return addTopLevelDecl(parser, source, edit);
    case 'set-keyed-value':
      return setKeyedValue(parser, source, edit);
    case 'remove-unused-import':
      return removeUnusedImport(parser, source, edit);
    case 'var-spec':
      return addVarSpec(parser, source, edit);
    case 'var-element':
      return addVarElement(parser, source, edit);
    case 'parameter':
      return addParameter(parser, source, edit);
    case 'call-arguments':
      return addCallArguments(parser, source, edit);
  }
}

/**
 * Applies `edits` in order to one file. Atomic at the text level: either every edit succeeds and
 * the final text is returned, or the first failure is thrown and no text is returned at all.
 */
export function applyGoEdits(parser: GoParser, source: GoSource, edits: readonly GoEdit[]): GoEditsOutcome {
  let text = source.text;
  const steps: GoEditStep[] = [];
  for (const edit of edits) {
    const result = applyGoEdit(parser, { file: source.file, text }, edit);
    steps.push({ edit, summary: result.summary, changed: result.changed });
    text = result.text;
  }
  return { file: source.file, before: source.text, after: text, changed: text !== source.text, steps };
}
