import type { FunctionDeclaration, SourceFile } from 'ts-morph';
import { UsageError } from '../../../../errors.js';
import type { TsEdit } from '../../edit/edits.js';
import { AnchorNotFoundError } from '../../edit/errors.js';
import type { TsEditSession } from '../../edit/session.js';
import type { Tree } from '../../../../tree/tree.js';
import { functionScopeNames, topLevelNames } from '../../edit/module-names.js';
import { CONFIG_FILE, PORTS_FILE } from './context.js';

/**
 * Whether createPorts calls `callee` (`createPool`, `createRedis`) already: the fact that the
 * datastore is wired, whatever the user made of the statements around it since.
 */
export function wiredInCreatePorts(session: TsEditSession, callee: string, manualSnippet: string): boolean {
  const fn = session.source(PORTS_FILE, manualSnippet).getFunction('createPorts');
  return fn?.getDescendantsOfKind(session.ts.SyntaxKind.CallExpression).some((call) => call.getExpression().getText() === callee) ?? false;
}

/**
 * Whether the composition root's Dependencies keep an idempotency store (services generated since
 * Idempotency-Key support); older or reshaped ones do not, and get no idempotency wiring.
 */
export function hasIdempotencySlot(tree: Tree, session: TsEditSession): boolean {
  return tree.exists(PORTS_FILE) && session.source(PORTS_FILE, '').getInterface('Dependencies')?.getProperty('idempotency') !== undefined;
}

/** What createPorts calls its Config and its Dependencies, and the renames of unused `_config`/`_deps` the wiring needs. */
export interface PortsNames {
  config: string;
  deps: string;
  edits: TsEdit[];
}

/**
 * The parameters of createPorts typed Config and Dependencies, under the names the code gives
 * them; `local`, the variable the wiring declares (`pool`), must be free unless the wiring is there
 * (`marker`); undefined when it declares none. Without such parameters, the lines to add by hand (exit 1).
 */
export function createPortsNames(session: TsEditSession, local: string | undefined, marker: string, manualSnippet: string): PortsNames {
  const source = session.source(PORTS_FILE, manualSnippet);
  const fn = single(source, 'createPorts', PORTS_FILE, 'in the function that builds the ports', manualSnippet);
  const scope = functionScopeNames(session.ts, fn);
  const wired = fn.getStatements().some((statement) => statement.getText().includes(marker));
  if (!wired && local !== undefined && scope.has(local)) {
    throw new UsageError(`createPorts (${PORTS_FILE}) already binds ${local}, the name the adapter's wiring declares`, `rename your ${local}, then run the command again`);
  }
  const edits: TsEdit[] = [];
  const bind = (type: string): string => {
    const parameters = fn.getParameters();
    const index = parameters.findIndex((parameter) => parameter.getTypeNode()?.getText() === type);
    const name = parameters[index]?.getNameNode();
    if (name === undefined || !name.isKind(session.ts.SyntaxKind.Identifier)) {
      throw new AnchorNotFoundError(PORTS_FILE, { problem: 'wrong-kind', reason: `createPorts has no plain parameter of type ${type}`, where: `in createPorts, with its Config and Dependencies parameters`, manualSnippet });
    }
    const bare = name.getText().replace(/^_/, '');
    if (bare === name.getText() || scope.has(bare)) return name.getText();
    edits.push({ kind: 'use-parameter', func: 'createPorts', index, name: bare });
    return bare;
  };
  return { config: bind('Config'), deps: bind('Dependencies'), edits };
}

/** The names config.ts gives zod's `z` and the parsed variables in loadConfig, which the datastore's settings are written with. */
export interface ConfigNames {
  z: string;
  vars: string;
}

/**
 * `z` as config.ts imports it from zod, the variable loadConfig holds the parsed environment in
 * (`const vars = parsed.data`), and the helpers the settings use (`helpers`: duration, address, …).
 * Without them, the lines to add by hand (exit 1).
 */
export function configNames(session: TsEditSession, helpers: readonly string[], manualSnippet: string): ConfigNames {
  const source = session.source(CONFIG_FILE, manualSnippet);
  const missing = (reason: string): never => {
    throw new AnchorNotFoundError(CONFIG_FILE, { problem: 'missing', reason, where: 'in the configuration (and give it what these lines use)', manualSnippet });
  };
  const z = source
    .getImportDeclarations()
    .filter((declaration) => declaration.getModuleSpecifierValue() === 'zod')
    .flatMap((declaration) => declaration.getNamedImports())
    .find((named) => named.getName() === 'z');
  if (z === undefined) return missing("it no longer imports { z } from 'zod'");
  const bound = topLevelNames(session.ts, source);
  const absent = helpers.filter((helper) => !bound.has(helper));
  if (absent.length > 0) return missing(`it no longer declares ${absent.join(', ')}`);
  const loadConfig = single(source, 'loadConfig', CONFIG_FILE, 'in the function that reads the configuration', manualSnippet);
  const vars = loadConfig
    .getDescendantsOfKind(session.ts.SyntaxKind.VariableDeclaration)
    .find((declaration) => declaration.getInitializer()?.asKind(session.ts.SyntaxKind.PropertyAccessExpression)?.getName() === 'data');
  const name = vars?.getNameNode();
  if (name === undefined || !name.isKind(session.ts.SyntaxKind.Identifier)) return missing('loadConfig no longer holds the parsed variables in a `const … = parsed.data`');
  return { z: z.getAliasNode()?.getText() ?? 'z', vars: name.getText() };
}

function single(source: SourceFile, name: string, file: string, where: string, manualSnippet: string): FunctionDeclaration {
  const found = source.getFunctions().filter((candidate) => candidate.getName() === name && candidate.hasBody());
  if (found.length === 1) return found[0] as FunctionDeclaration;
  throw new AnchorNotFoundError(file, {
    problem: found.length === 0 ? 'missing' : 'ambiguous',
    reason: found.length === 0 ? `function ${name} is gone (renamed, moved or deleted)` : `function ${name} is declared ${found.length} times`,
    where,
    manualSnippet,
  });
}
