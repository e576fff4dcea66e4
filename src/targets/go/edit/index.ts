/**
 * Syntax-aware edits of Go source: each operation locates its anchor in the tree-sitter tree,
 * splices text at node indices, re-parses to verify, and is a no-op when its result is present.
 */
export { applyGoEdit, applyGoEdits } from './batch.js';
export type { GoEdit, GoEditStep, GoEditsOutcome } from './batch.js';
export {
  AnchorNotFoundError,
  EditConflictError,
  EditError,
  EditVerificationError,
  GoParseError,
  InvalidSnippetError,
  UnsupportedInputError,
} from './errors.js';
export type { AnchorProblem } from './errors.js';
export { addImport } from './ops/add-import.js';
export type { AddImportArgs } from './ops/add-import.js';
export { addInterfaceMethod } from './ops/add-interface-method.js';
export type { AddInterfaceMethodArgs } from './ops/add-interface-method.js';
export { addKeyedElement } from './ops/add-keyed-element.js';
export type { AddKeyedElementArgs } from './ops/add-keyed-element.js';
export { addCallArguments } from './ops/add-call-arguments.js';
export type { AddCallArgumentsArgs } from './ops/add-call-arguments.js';
export { addParameter } from './ops/add-parameter.js';
export type { AddParameterArgs } from './ops/add-parameter.js';
export { addStatement } from './ops/add-statement.js';
export type { AddStatementArgs, StatementPosition } from './ops/add-statement.js';
export { addStructField } from './ops/add-struct-field.js';
export type { AddStructFieldArgs } from './ops/add-struct-field.js';
export { addTopLevelDecl } from './ops/add-top-level-decl.js';
export type { AddTopLevelDeclArgs } from './ops/add-top-level-decl.js';
export { removeUnusedImport } from './ops/remove-unused-import.js';
export type { RemoveUnusedImportArgs } from './ops/remove-unused-import.js';
export { addVarElement } from './ops/add-var-element.js';
export type { AddVarElementArgs } from './ops/add-var-element.js';
export { addVarSpec } from './ops/add-var-spec.js';
export type { AddVarSpecArgs } from './ops/add-var-spec.js';
export { keyedValue, setKeyedValue } from './ops/set-keyed-value.js';
export type { SetKeyedValueArgs } from './ops/set-keyed-value.js';
export { GoParser, loadGoParser } from './parser.js';
export type { EditResult, GoSource } from './run-edit.js';
