import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import type { GoParser } from '../edit/parser.js';
import { findFunctionDeclaration, parametersOf, resultsOf } from '../inspect/go-scope.js';
import { readGo, topLevelTypes } from '../inspect/syntax.js';
import { APP_DIR, goFilesIn } from './go-files.js';
import type { GoTypeName } from './names.js';

/** How the consumer's adapter calls the use case, in the types its Execute declares. */
export interface HandlerSignature {
  /** `app.ReserveStockInput`. */
  inputType: string;
  /** Execute's results as the adapter writes them: `app.ReserveStockOutput, error` or `error`. */
  results: string;
  /** The last statement of the handler: the call, and its error returned. */
  call: string;
  /** What the test's stand-in returns beside its error. */
  fakeReturn: string;
}

const IDENTIFIER = /^[A-Z][A-Za-z0-9_]*$/;

/**
 * Reads `func (uc *X) Execute(ctx context.Context, in XInput) (XOutput, error)` (the output may be a
 * pointer, or absent); any other shape is refused, since the consumer could not call it.
 */
export function readHandlerSignature(parser: GoParser, project: Project, handler: GoTypeName): HandlerSignature {
  const shape = `Execute(ctx context.Context, in ${handler.pascal}Input) (${handler.pascal}Output, error)`;
  const refuse = (reason: string) =>
    new UsageError(`--handler ${handler.pascal}: ${reason}, so a consumer cannot run it`, `give ${handler.pascal} the method ${shape} (exported types of package app), or choose another use case`);
  for (const file of goFilesIn(project.tree, APP_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = project.tree.read(file) ?? '';
    if (!text.includes(handler.pascal)) continue;
    const facts = readGo(parser, file, text, (doc) => {
      if (!topLevelTypes(doc).has(handler.pascal)) return null;
      const method = findFunctionDeclaration(doc, `${handler.pascal}.Execute`);
      return method === null ? { params: null, results: [] } : { params: parametersOf(method), results: resultsOf(method) };
    });
    if (facts === null) continue;
    if (facts.params === null) throw refuse(`${file} declares ${handler.pascal} without its method Execute beside it`);
    const [ctx, input, ...rest] = facts.params;
    if (ctx?.type !== 'context.Context' || input === undefined || rest.length > 0 || !IDENTIFIER.test(input.type)) {
      throw refuse('Execute does not take a context.Context and one input of an exported type of package app');
    }
    const results = facts.results;
    if (results.at(-1) !== 'error' || results.length > 2) throw refuse('Execute does not return error, or one result and error');
    const output = results.length === 2 ? results[0] ?? '' : null;
    const pointer = output?.startsWith('*') === true;
    const outputName = output === null ? null : pointer ? output.slice(1) : output;
    if (outputName !== null && !IDENTIFIER.test(outputName)) throw refuse(`its result ${output ?? ''} is not an exported type of package app`);
    const qualifiedOutput = outputName === null ? null : `${pointer ? '*' : ''}app.${outputName}`;
    const call = `uc.Execute(ctx, ${handler.camel}Input(event, payload))`;
    return {
      inputType: `app.${input.type}`,
      results: qualifiedOutput === null ? 'error' : `(${qualifiedOutput}, error)`,
      call: qualifiedOutput === null ? `return ${call}` : `_, err := ${call}\n\t\treturn err`,
      fakeReturn: qualifiedOutput === null ? 'f.err' : pointer ? 'nil, f.err' : `${qualifiedOutput}{}, f.err`,
    };
  }
  throw refuse(`no file of ${APP_DIR} declares the type ${handler.pascal}`);
}
