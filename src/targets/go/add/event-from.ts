import type { Node } from 'web-tree-sitter';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import type { GoEdit } from '../edit/batch.js';
import type { GoParser } from '../edit/parser.js';
import { bindImport, compact, findFunctionDeclaration, freeName, importNameOf, parametersOf, paramOfType, readFunctionFacts, receiverOf, resultsOf, calleesIn, mentionedNames } from '../inspect/go-scope.js';
import { findDeclarations, packageName, readAppModel } from '../inspect/project-model.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import { fileImports, readGo, structFieldsOf, topLevelTypes, type GoDocument } from '../inspect/syntax.js';
import { APP_DIR, APP_FILE, editGoFile, goFilesIn } from './go-files.js';
import type { GoTypeName } from './names.js';

/** The ports publishing needs, by interface, with the field and parameter name a use case gets when it lacks one. */
const NEEDED = [
  { iface: 'EventPublisher', name: 'events' },
  { iface: 'IDGenerator', name: 'ids' },
  { iface: 'Clock', name: 'clock' },
] as const;

/** What `--from UseCase` changes, decided before anything is edited. */
export interface PublishPlan {
  useCase: string;
  /** The file declaring the use case's struct, constructor and Execute. */
  file: string;
  /** Edits of that file, and of internal/app/app.go, in order. */
  useCaseEdits: GoEdit[];
  appEdits: GoEdit[];
  /** The constructor's calls in the use case tests, given stand-ins for the new ports. */
  testEdits: { file: string; edit: GoEdit }[];
  /** True when Execute already builds the event: nothing to add to its body. */
  publishes: boolean;
}

/**
 * Plans `svc add event <Event> --from <UseCase>`: the use case gains the EventPublisher, IDGenerator
 * and Clock it lacks (struct field, constructor parameter and the composition root's argument,
 * named as the user's code names things), and Execute builds the event and publishes it above its
 * final return, after its work. Refused (exit 2): a use case App does not hold, one still failing
 * with domain.ErrNotImplemented (publishing from it would announce what did not happen), app.Ports
 * without one of those ports, shapes the edit cannot follow.
 */
export function planPublish(parser: GoParser, project: Project, event: GoTypeName, useCase: GoTypeName): PublishPlan {
  const { tree, spec } = project;
  const app = readAppModel(parser, tree);
  const known = app?.useCases?.map((field) => field.name) ?? [];
  if (!known.includes(useCase.pascal)) {
    throw new UsageError(
      `--from ${useCase.pascal}: ${APP_FILE} holds no use case ${useCase.pascal}`,
      known.length === 0 ? `add it first: svc add usecase ${useCase.pascal}` : `use cases: ${known.join(', ')}; or add it first: svc add usecase ${useCase.pascal}`,
    );
  }
  const file = useCaseFile(parser, project, useCase);
  const text = tree.read(file) ?? '';
  const execute = readFunctionFacts(parser, file, text, `${useCase.pascal}.Execute`);
  const facts = readGo(parser, file, text, (doc) => {
    const type = topLevelTypes(doc).get(useCase.pascal);
    const constructor = findFunctionDeclaration(doc, `New${useCase.pascal}`);
    const method = findFunctionDeclaration(doc, `${useCase.pascal}.Execute`);
    return {
      fields: type?.type === 'struct_type' ? structFieldsOf(type).map((field) => ({ name: field.name, type: compact(field.type) })) : null,
      params: constructor === null ? null : parametersOf(constructor),
      constructorNames: constructor === null ? new Set<string>() : mentionedNames(constructor),
      receiver: method === null ? null : receiverOf(method)?.name ?? null,
      results: method === null ? [] : resultsOf(method),
      callees: method === null ? [] : calleesIn(method),
      imports: fileImports(doc),
      structs: new Set([...topLevelTypes(doc)].filter(([, node]) => node.type === 'struct_type').map(([name]) => name)),
      notImplemented: notImplementedVars(doc),
      selected: new Set(method === null ? [] : method.descendantsOfType('field_identifier').map((field) => field?.text ?? '')),
    };
  });
  if (facts.fields === null || facts.params === null || execute === null || facts.receiver === null) {
    throw new UsageError(
      `--from ${useCase.pascal}: ${file} must declare the struct ${useCase.pascal}, func New${useCase.pascal} and the method Execute with a named receiver, together`,
      `publish the event by hand (see the OrderPlaced event of the sample's CreateOrder), or move them into one file`,
    );
  }
  if (facts.selected.has('ErrNotImplemented') || facts.notImplemented.some((name) => execute.mentioned.has(name))) {
    throw new UsageError(
      `--from ${useCase.pascal}: ${useCase.pascal} is not implemented yet (Execute fails with domain.ErrNotImplemented), and publishing ${event.pascal} from it would announce what did not happen`,
      `implement ${useCase.pascal} first, then run: svc add event ${event.pascal} --from ${useCase.pascal}`,
    );
  }
  const portImport = importNameOf(app?.imports ?? [], `${spec.module}/internal/port`) ?? 'port';
  const ports = app?.ports ?? [];
  const portsField = (iface: string) => ports.find((field) => compact(field.type) === `${portImport}.${iface}`)?.name;
  const missing = NEEDED.filter((need) => portsField(need.iface) === undefined).map((need) => `port.${need.iface}`);
  if (missing.length > 0) {
    throw new UsageError(
      `--from ${useCase.pascal}: publishing needs ${missing.join(', ')} in app.Ports, which has no field of ${missing.length === 1 ? 'that type' : 'those types'}`,
      missing.includes('port.EventPublisher') ? 'svc add adapter nats (or kafka, or rabbitmq) gives the service its publisher; the sample (create-service without --no-example) has all three' : 'add them to app.Ports and the composition root, as the sample has them',
    );
  }

  const taken = new Set([...facts.fields.map((field) => field.name), ...facts.params.map((param) => param.name ?? ''), ...facts.constructorNames]);
  const portBinding = bindImport(facts.imports, `${spec.module}/internal/port`, 'port', ['ports'], taken);
  const useCaseEdits: GoEdit[] = [];
  if (!portBinding.imported) useCaseEdits.push({ kind: 'import', path: portBinding.path, ...(portBinding.alias === undefined ? {} : { alias: portBinding.alias }) });
  const added: string[] = [];
  const fieldOf = new Map<string, string>();
  for (const need of NEEDED) {
    const type = `${portBinding.name}.${need.iface}`;
    const existing = facts.fields.find((field) => field.type === type);
    if (existing !== undefined) {
      fieldOf.set(need.iface, existing.name);
      continue;
    }
    const name = paramOfType(facts.params, type) ?? freeName([need.name, `${need.name}Port`], taken);
    taken.add(name);
    fieldOf.set(need.iface, name);
    useCaseEdits.push(
      { kind: 'struct-field', struct: useCase.pascal, field: `${name} ${type}` },
      { kind: 'parameter', func: `New${useCase.pascal}`, parameter: `${name} ${type}` },
      { kind: 'keyed-element', func: `New${useCase.pascal}`, type: useCase.pascal, key: name, value: name },
    );
    added.push(portsField(need.iface) ?? '');
  }

  const publishes = facts.callees.some((callee) => callee === `New${event.pascal}` || callee.endsWith(`.New${event.pascal}`));
  if (!publishes) useCaseEdits.push(...publishStatements(project, useCase, event, { ...facts, execute, fieldOf, portBinding: portBinding.name }));
  const appEdits = added.length === 0 ? [] : [constructionEdit(parser, project, useCase, added)];
  const addedIfaces = NEEDED.filter((need) => added.includes(portsField(need.iface) ?? '')).map((need) => need.iface);
  const testEdits = addedIfaces.length === 0 ? [] : testCallEdits(parser, project, useCase, facts.params.length, addedIfaces);
  return { useCase: useCase.pascal, file, useCaseEdits, appEdits, testEdits, publishes };
}

export function applyPublishPlan(parser: GoParser, project: Project, plan: PublishPlan): void {
  editGoFile(project.tree, parser, plan.file, plan.useCaseEdits, '');
  if (plan.appEdits.length > 0) editGoFile(project.tree, parser, APP_FILE, plan.appEdits, '');
  if (plan.testEdits.length > 0 && !STUBS.every((stub) => findDeclarations(parser, project.tree, APP_DIR, 'app_test', [stub]).has(stub))) {
    renderTemplateFolder(project.tree, 'go/event-stubs', { module: project.spec.module });
  }
  for (const { file, edit } of plan.testEdits) editGoFile(project.tree, parser, file, [edit], '');
}

/** The stand-ins the tests of a use case get for the ports --from added (templates/go/event-stubs). */
const STUBS = ['stubEventPublisher', 'stubIDs', 'stubClock'];
const STUB_OF: Record<string, string> = { EventPublisher: '&stubEventPublisher{}', IDGenerator: '&stubIDs{}', Clock: 'stubClock{}' };
const STUBS_FILE = `${APP_DIR}/event_stubs_test.go`;

/**
 * The calls of the constructor in the use case tests (package app_test) pass stand-ins for the new
 * ports, so the tests build as before. A call in any other file of package app is refused.
 */
function testCallEdits(parser: GoParser, project: Project, useCase: GoTypeName, arity: number, ifaces: readonly string[]): { file: string; edit: GoEdit }[] {
  const { tree, spec } = project;
  const constructor = `New${useCase.pascal}`;
  const edits: { file: string; edit: GoEdit }[] = [];
  let stubsNeeded = false;
  for (const file of goFilesIn(tree, APP_DIR)) {
    const text = tree.read(file) ?? '';
    if (!text.includes(constructor)) continue;
    const found = readGo(parser, file, text, (doc) => {
      const pkg = packageName(doc);
      const appName = importNameOf(fileImports(doc), `${spec.module}/internal/app`);
      const callee = pkg === 'app_test' && appName !== null ? `${appName}.${constructor}` : constructor;
      return { pkg, callee, calls: calleesIn(doc.root).filter((name) => name === callee).length };
    });
    if (found.calls === 0) continue;
    if (found.pkg !== 'app_test') {
      if (file === APP_FILE || found.pkg !== 'app') continue;
      throw new UsageError(`--from ${useCase.pascal}: ${file} calls ${constructor}, which gains parameters`, `pass the ports there by hand, or build ${useCase.pascal} through app.New`);
    }
    stubsNeeded = true;
    edits.push({ file, edit: { kind: 'call-arguments', callee: found.callee, arity, arguments: ifaces.map((iface) => STUB_OF[iface] ?? '') } });
  }
  if (stubsNeeded) {
    const clashes = findDeclarations(parser, tree, APP_DIR, 'app_test', STUBS);
    const present = [...clashes.values()];
    if (present.length > 0 && !(present.length === STUBS.length && present.every((file) => file === STUBS_FILE))) {
      throw new UsageError(`--from ${useCase.pascal}: the tests of package app_test declare ${[...clashes.keys()].join(', ')}, names the stand-ins for the new ports need`, 'rename them and run the command again');
    }
    if (present.length === 0 && tree.exists(STUBS_FILE)) throw new UsageError(`--from ${useCase.pascal}: ${STUBS_FILE} exists but does not declare the stand-ins`, 'move that file and run the command again');
  }
  return edits;
}

function isPackageLevel(node: Node): boolean {
  for (let up = node.parent; up !== null; up = up.parent) {
    if (up.type === 'function_declaration' || up.type === 'method_declaration' || up.type === 'func_literal') return false;
  }
  return true;
}

/** Package-level vars of the file whose value wraps domain.ErrNotImplemented (the skeleton's errXNotImplemented). */
function notImplementedVars(doc: GoDocument): string[] {
  const names: string[] = [];
  for (const spec of doc.root.descendantsOfType('var_spec')) {
    if (spec === null || !isPackageLevel(spec)) continue;
    const value = spec.childForFieldName('value');
    // domain.ErrNotImplemented is a selector: its name is a field identifier, not one mentionedNames lists.
    if (value === null || !value.descendantsOfType('field_identifier').some((field) => field?.text === 'ErrNotImplemented')) continue;
    for (const name of spec.childrenForFieldName('name')) if (name !== null) names.push(name.text);
  }
  return names;
}

/** The file of internal/app (package app, not a test) that declares the use case's struct. */
function useCaseFile(parser: GoParser, project: Project, useCase: GoTypeName): string {
  for (const file of goFilesIn(project.tree, APP_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = project.tree.read(file) ?? '';
    if (!text.includes(useCase.pascal)) continue;
    if (readGo(parser, file, text, (doc) => topLevelTypes(doc).has(useCase.pascal))) return file;
  }
  throw new UsageError(`--from ${useCase.pascal}: no file of ${APP_DIR} declares the type ${useCase.pascal}`, `declare it in ${APP_DIR}, or publish the event by hand`);
}

interface BodyFacts {
  receiver: string | null;
  results: string[];
  structs: Set<string>;
  imports: ReturnType<typeof fileImports>;
  execute: NonNullable<ReturnType<typeof readFunctionFacts>>;
  fieldOf: Map<string, string>;
  portBinding: string;
}

/** The event built and published above Execute's final return, in the names the file uses. */
function publishStatements(project: Project, useCase: GoTypeName, event: GoTypeName, facts: BodyFacts): GoEdit[] {
  const { spec } = project;
  const target = `${useCase.pascal}.Execute`;
  const ctx = paramOfType(facts.execute.params, 'context.Context');
  const zero = zeroResults(facts.results, facts.structs);
  if (ctx === null || zero === null) {
    throw new UsageError(
      `--from ${useCase.pascal}: Execute must take a named context.Context and return error, or a struct or pointer and error, for the event to be published from it`,
      'publish the event by hand, as the sample CreateOrder publishes OrderPlaced',
    );
  }
  const taken = new Set([...facts.execute.mentioned, ...facts.imports.map((entry) => entry.name)]);
  const domain = bindImport(facts.imports, `${spec.module}/internal/domain`, 'domain', ['domainmodel'], taken);
  const fmt = bindImport(facts.imports, 'fmt', 'fmt', ['fmtpkg'], taken);
  const local = freeName([event.camel, 'event'], new Set([...taken, domain.name, fmt.name]));
  const uc = facts.receiver ?? 'uc';
  const field = (iface: string) => `${uc}.${facts.fieldOf.get(iface) ?? ''}`;
  const imports: GoEdit[] = [domain, fmt]
    .filter((binding) => !binding.imported)
    .map((binding) => ({ kind: 'import', path: binding.path, ...(binding.alias === undefined ? {} : { alias: binding.alias }) }));
  const fail = (message: string) => `return ${[...zero, `${fmt.name}.Errorf(${message})`].join(', ')}`;
  return [
    ...imports,
    {
      kind: 'statement',
      func: target,
      position: 'before-return',
      statement: `${local}, err := ${domain.name}.New${event.pascal}(${field('IDGenerator')}.NewID(), ${field('Clock')}.Now(), "", ${domain.name}.${event.pascal}{})`,
    },
    { kind: 'statement', func: target, position: 'before-return', statement: `if err != nil {\n\t${fail(`"event %s: %w", ${domain.name}.${event.pascal}Type, err`)}\n}` },
    {
      kind: 'statement',
      func: target,
      position: 'before-return',
      statement: `if err := ${field('EventPublisher')}.Publish(${ctx}, ${local}); err != nil {\n\t${fail(`"publish %s: %w", ${local}.Type, err`)}\n}`,
    },
  ];
}

/** The zero values Execute returns beside an error: none, `T{}` for a struct of the file, `nil` for a pointer; null otherwise. */
function zeroResults(results: readonly string[], structs: ReadonlySet<string>): string[] | null {
  if (results.at(-1) !== 'error') return null;
  const zeros = results.slice(0, -1).map((type) => (type.startsWith('*') ? 'nil' : structs.has(type) ? `${type}{}` : null));
  return zeros.every((zero): zero is string => zero !== null) ? zeros : null;
}

/** The composition root's `UseCase: NewUseCase(…)` gets the added ports as its last arguments. */
function constructionEdit(parser: GoParser, project: Project, useCase: GoTypeName, added: readonly string[]): GoEdit {
  const text = project.tree.read(APP_FILE) ?? '';
  const facts = readFunctionFacts(parser, APP_FILE, text, 'New');
  const portsParam = facts === null ? null : paramOfType(facts.params, 'Ports');
  const current = readAppModel(parser, project.tree)?.construction.find((entry) => entry.key === useCase.pascal)?.value ?? null;
  const call = current === null ? null : callParts(parser, current);
  if (portsParam === null || call === null || call.func !== `New${useCase.pascal}` || current?.includes('\n') === true) {
    throw new UsageError(
      `--from ${useCase.pascal}: func New in ${APP_FILE} does not build ${useCase.pascal} as ${useCase.pascal}: New${useCase.pascal}(p.…) from its Ports parameter, so the new ports cannot be passed`,
      `pass ${added.map((field) => `p.${field}`).join(', ')} to New${useCase.pascal} by hand, after the ports it takes now`,
    );
  }
  const value = `${call.func}(${[...call.args, ...added.map((field) => `${portsParam}.${field}`)].join(', ')})`;
  return { kind: 'set-keyed-value', func: 'New', type: 'App', key: useCase.pascal, value, replace: current ?? '' };
}

function callParts(parser: GoParser, expression: string): { func: string; args: string[] } | null {
  const tree = parser.parse(`package p\n\nvar _ = ${expression}\n`);
  try {
    const call = tree.rootNode.hasError ? undefined : tree.rootNode.descendantsOfType('call_expression')[0];
    if (call === undefined || call === null || call.text !== expression.trim()) return null;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((node) => node !== null && node.type !== 'comment') ?? [];
    return { func: compact(call.childForFieldName('function')?.text ?? ''), args: args.map((node) => node?.text ?? '') };
  } finally {
    tree.delete();
  }
}
