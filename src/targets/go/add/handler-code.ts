import { renderTemplateFolder as renderFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { importBlock, keyedLiteral, structType } from './go-code.js';
import { requestTarget, type HttpRoute } from '../../../target-contract/http-route.js';
import type { GoTypeName } from './names.js';
import type { ImportName } from './package-scope.js';
import { defaultPackageName } from '../inspect/syntax.js';
import type { InputField, UseCaseIO } from './usecase-io.js';

/** Everything a handler and its test are made of. */
export interface HandlerPlan {
  module: string;
  /** The HTTP adapter's package clause. */
  pkg: string;
  /** The handler function: `createInvoice`. */
  handler: string;
  useCase: GoTypeName;
  route: HttpRoute;
  io: UseCaseIO;
  /**
   * A new use case's skeleton (its test expects 501 once the input is valid and 422 for each blank
   * field), with its constructor's arity; null for an existing use case, whose answers only its
   * author knows (its test checks what the adapter does before calling it).
   */
  skeleton: { arity: number } | null;
}

const VALID_PATH_VALUE = 'abc';
const VALID_VALUE = 'ref-1';

/** The package-level names the handler file declares. */
export function handlerDeclarations(plan: HandlerPlan): string[] {
  return [plan.handler, ...(bodyFields(plan).length > 0 ? [`${plan.handler}Request`] : []), ...(plan.io.output.length > 0 ? [`${plan.handler}Response`] : [])];
}

export function handlerImports(plan: HandlerPlan): ImportName[] {
  const fieldPaths = [...plan.io.input, ...plan.io.output].flatMap((field) => field.type.imports);
  return named(['log/slog', 'net/http', `${plan.module}/internal/app`, ...fieldPaths]);
}

export function handlerTestImports(plan: HandlerPlan): ImportName[] {
  const strings = plan.skeleton === null || bodyFields(plan).length > 0;
  return named(['net/http', 'net/http/httptest', 'testing', `${plan.module}/internal/app`, ...(strings ? ['strings'] : [])]);
}

/** internal/adapter/http/<snake>.go and its test. */
export function renderHandler(tree: Tree, plan: HandlerPlan): void {
  const { route, handler, useCase } = plan;
  const body = bodyFields(plan);
  const types = [
    ...(body.length > 0 ? [`// ${handler}Request is the body of ${route.pattern}.\ntype ${handler}Request ${structType(body.map(jsonField))}\n\n`] : []),
    ...(plan.io.output.length > 0 ? [`// ${handler}Response is the body of a successful ${route.pattern}.\ntype ${handler}Response ${structType(plan.io.output.map(jsonField))}\n\n`] : []),
  ].join('');
  renderFolder(tree, 'go/usecase/http', {
    pkg: plan.pkg,
    uc: useCase,
    handler,
    route: route.pattern,
    imports: importBlock(handlerImports(plan).map((entry) => entry.path)),
    types,
    body: handlerBody(plan),
    testImports: importBlock(handlerTestImports(plan).map((entry) => entry.path)),
    testBody: plan.skeleton === null ? existingTest(plan) : skeletonTest(plan, plan.skeleton.arity),
  });
}

function named(paths: readonly string[]): ImportName[] {
  return [...new Set(paths)].map((path) => ({ name: defaultPackageName(path), path }));
}

function bodyFields(plan: HandlerPlan): InputField[] {
  return plan.io.input.filter((field) => field.source === 'body');
}

function jsonField(field: { name: string; api: string; type: { text: string } }): { name: string; type: string; tag: string } {
  return { name: field.name, type: field.type.text, tag: `\`json:"${field.api}"\`` };
}

function handlerBody(plan: HandlerPlan): string {
  const { handler, useCase, io } = plan;
  const lines: string[] = [];
  if (bodyFields(plan).length > 0) {
    lines.push(`\t\tvar req ${handler}Request`, '\t\tif err := DecodeJSON(r, &req); err != nil {', '\t\t\treturn err', '\t\t}', '');
  }
  const queryFields = io.input.filter((field) => field.source === 'query');
  const query = queryFields.length > 1 ? 'query' : 'r.URL.Query()';
  if (queryFields.length > 1) lines.push('\t\tquery := r.URL.Query()');
  const value = (field: InputField): string => {
    const raw = field.source === 'body' ? `req.${field.name}` : field.source === 'path' ? `r.PathValue("${field.api}")` : `${query}.Get("${field.api}")`;
    return field.source !== 'body' && field.type.kind === 'named-string' ? `${field.type.text}(${raw})` : raw;
  };
  const input = keyedLiteral(`app.${useCase.pascal}Input`, io.input.map((field) => ({ key: field.name, value: value(field) })), '\t\t');
  if (io.output.length === 0) {
    lines.push(`\t\tif _, err := uc.Execute(r.Context(), ${input}); err != nil {`, '\t\t\treturn err', '\t\t}', '\t\tw.WriteHeader(http.StatusNoContent)', '\t\treturn nil');
    return lines.join('\n');
  }
  const response = keyedLiteral(`${handler}Response`, io.output.map((field) => ({ key: field.name, value: `out.${field.name}` })), '\t\t');
  lines.push(`\t\tout, err := uc.Execute(r.Context(), ${input})`, '\t\tif err != nil {', '\t\t\treturn err', '\t\t}', `\t\treturn WriteJSON(w, http.StatusOK, ${response})`);
  return lines.join('\n');
}

/** The request target with every wildcard filled, one of them possibly blank (`%20`). */
function target(route: HttpRoute, blank: string | null): string {
  return requestTarget(route, (name) => (name === blank ? '%20' : VALID_PATH_VALUE));
}

function skeletonTest(plan: HandlerPlan, arity: number): string {
  const { route, useCase } = plan;
  const body = bodyFields(plan);
  const query = plan.io.input.filter((field) => field.source === 'query');
  const request = (blank: string | null): string => {
    const value = (field: InputField) => (field.api === blank ? ' ' : VALID_VALUE);
    const path = target(route, blank);
    const search = query.length === 0 ? '' : `?${query.map((field) => `${field.api}=${field.api === blank ? '%20' : VALID_VALUE}`).join('&')}`;
    const json = body.length === 0 ? '' : `, \`{${body.map((field) => `"${field.api}":"${value(field)}"`).join(',')}}\``;
    return `send(t, "${path}${search}"${json})`;
  };
  const lines = [
    `\t// The skeleton of ${useCase.pascal} does not call its ports yet: pass fakes`,
    '\t// or memory adapters here once Execute uses them.',
    `\th := newHarness(t, &app.App{${useCase.pascal}: app.New${useCase.pascal}(${Array.from({ length: arity }, () => 'nil').join(', ')})})`,
    `\tsend := func(t *testing.T, target${body.length > 0 ? ', body' : ''} string) *httptest.ResponseRecorder {`,
    '\t\tt.Helper()',
  ];
  if (body.length > 0) {
    lines.push(`\t\treq := httptest.NewRequestWithContext(t.Context(), ${route.goMethod}, target, strings.NewReader(body))`, '\t\treq.Header.Set("Content-Type", "application/json")', '\t\treturn h.serve(req)');
  } else {
    lines.push(`\t\treturn h.serve(httptest.NewRequestWithContext(t.Context(), ${route.goMethod}, target, http.NoBody))`);
  }
  lines.push('\t}', '');
  lines.push(
    `\tt.Run("answers 501 until ${useCase.pascal} is implemented", func(t *testing.T) {`,
    `\t\tp := readProblem(t, ${request(null)}, http.StatusNotImplemented)`,
    '\t\tif p.Detail == "" {',
    '\t\t\tt.Error("the problem has no detail for clients")',
    '\t\t}',
    '\t})',
  );
  for (const field of plan.io.input) {
    lines.push(
      '',
      `\tt.Run("rejects a blank ${field.api}", func(t *testing.T) {`,
      `\t\tp := readProblem(t, ${request(field.api)}, http.StatusUnprocessableEntity)`,
      `\t\tif len(p.Errors) != 1 || p.Errors[0].Field != "${field.api}" {`,
      `\t\t\tt.Errorf("invalid fields = %+v, want ${field.api}", p.Errors)`,
      '\t\t}',
      '\t})',
    );
  }
  if (body.length > 0) {
    lines.push('', '\tt.Run("rejects malformed JSON", func(t *testing.T) {', `\t\treadProblem(t, send(t, "${target(route, null)}", \`{"${body[0]?.api ?? ''}":\`), http.StatusBadRequest)`, '\t})');
  }
  return lines.join('\n');
}

function existingTest(plan: HandlerPlan): string {
  const { route, useCase } = plan;
  const path = target(route, null);
  const lines = [
    `\t// These cases stop in the adapter, before ${useCase.pascal} runs: to test its`,
    `\t// answers, give newHarness an App whose ${useCase.pascal} is built on fakes.`,
    '\th := newHarness(t, &app.App{})',
    '',
    `\tt.Run("registers ${route.pattern}", func(t *testing.T) {`,
    `\t\trec := h.serve(httptest.NewRequestWithContext(t.Context(), http.MethodOptions, "${path}", http.NoBody))`,
    '\t\treadProblem(t, rec, http.StatusMethodNotAllowed)',
    `\t\tif allow := rec.Header().Get("Allow"); !strings.Contains(allow, ${route.goMethod}) {`,
    `\t\t\tt.Errorf("Allow = %q, want it to list %s", allow, ${route.goMethod})`,
    '\t\t}',
    '\t})',
  ];
  if (bodyFields(plan).length > 0) {
    lines.push(
      '',
      '\tt.Run("rejects malformed JSON", func(t *testing.T) {',
      `\t\treq := httptest.NewRequestWithContext(t.Context(), ${route.goMethod}, "${path}", strings.NewReader(\`{\`))`,
      '\t\treq.Header.Set("Content-Type", "application/json")',
      '\t\treadProblem(t, h.serve(req), http.StatusBadRequest)',
      '\t})',
    );
  }
  return lines.join('\n');
}
