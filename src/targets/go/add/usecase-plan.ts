import { lowerFirstWord } from '../../../choices/naming.js';
import { handlerDeclarations, handlerImports, handlerTestImports, type HandlerPlan } from './handler-code.js';
import { APP_DIR, HTTP_DIR } from './go-files.js';
import type { HttpRoute } from '../../../target-contract/http-route.js';
import { idiomaticName, validateTypeName, type GoTypeName } from './names.js';
import type { ImportName, PackageAddition, PackageScope } from './package-scope.js';
import type { RoutesBinding } from './routes-binding.js';
import { defaultPackageName } from '../inspect/syntax.js';
import { USE_CASE_TEST_IMPORTS, useCaseImports, type Dependency } from './usecase-code.js';
import { skeletonIO } from './usecase-io.js';

/** The handler function of a use case: `CreateInvoice` -> `createInvoice`, `HTTPCheck` -> `httpCheck`. */
export function handlerName(useCase: GoTypeName): string {
  return lowerFirstWord(useCase.pascal);
}

function named(paths: readonly string[]): ImportName[] {
  return [...new Set(paths)].map((path) => ({ name: defaultPackageName(path), path }));
}

/** What a new use case adds to package app and app_test. */
export function useCaseAdditions(module: string, useCase: GoTypeName, deps: readonly Dependency[]): PackageAddition[] {
  const { pascal, snake } = useCase;
  return [
    { dir: APP_DIR, pkg: 'app', declares: [pascal, `${pascal}Input`, `${pascal}Output`, `New${pascal}`, `err${pascal}NotImplemented`], imports: named(useCaseImports(module, deps)), creates: [`${APP_DIR}/${snake}.go`] },
    {
      dir: APP_DIR,
      pkg: 'app_test',
      declares: [`Test${pascal}`],
      // The test, and the fakes of the ports it takes where package app_test lacks them.
      imports: named([...USE_CASE_TEST_IMPORTS, `${module}/internal/app`, `${module}/internal/domain`, ...(deps.length > 0 ? ['sync', `${module}/internal/port`] : [])]),
      creates: [`${APP_DIR}/${snake}_test.go`],
    },
  ];
}

/** What a handler adds to the HTTP adapter's package and its external test package. */
export function handlerAdditions(plan: HandlerPlan): PackageAddition[] {
  const { useCase, pkg } = plan;
  return [
    { dir: HTTP_DIR, pkg, declares: handlerDeclarations(plan), imports: handlerImports(plan), creates: [`${HTTP_DIR}/${useCase.snake}.go`] },
    { dir: HTTP_DIR, pkg: `${pkg}_test`, declares: [`Test${useCase.pascal}`], imports: handlerTestImports(plan), creates: [`${HTTP_DIR}/${useCase.snake}_test.go`] },
  ];
}

/** A handler of that name would be shadowed inside routes by a parameter or local of the same name. */
export function routesShadowing(binding: RoutesBinding, handler: string): string[] {
  return binding.locals.has(handler) ? [`func routes declares its own ${handler}, which would hide the handler ${handler} there`] : [];
}

export interface NewUseCaseRequest {
  module: string;
  deps: readonly Dependency[];
  route: HttpRoute | undefined;
  binding: RoutesBinding | null;
  /** Use cases App holds already. */
  existing: ReadonlySet<string>;
}

/** Why a new use case of this name cannot be added, one sentence per reason; empty when it can. */
export function newUseCaseCollisions(scope: PackageScope, useCase: GoTypeName, request: NewUseCaseRequest): string[] {
  const problems = useCaseAdditions(request.module, useCase, request.deps).flatMap((addition) => scope.collisions(addition));
  const { route, binding } = request;
  if (route !== undefined && binding !== null) {
    const plan: HandlerPlan = { module: request.module, pkg: binding.pkg, handler: handlerName(useCase), useCase, route, io: skeletonIO(route), skeleton: { arity: request.deps.length } };
    problems.push(...handlerAdditions(plan).flatMap((addition) => scope.collisions(addition)), ...routesShadowing(binding, plan.handler));
  }
  return [...new Set(problems)];
}

/**
 * A name that passes the same checks: `base` itself when asked (the idiomatic spelling of the name
 * given), else `OrderV2`, `OrderV3`, … or `OrderUsecase`; null when none does.
 */
export function freeUseCaseName(scope: PackageScope, base: GoTypeName, request: NewUseCaseRequest, includeBase: boolean): string | null {
  const candidates = [...(includeBase ? [base.pascal] : []), ...Array.from({ length: 8 }, (_, i) => `${base.pascal}V${i + 2}`), `${base.pascal}Usecase`];
  for (const candidate of candidates) {
    let name: GoTypeName;
    try {
      name = validateTypeName('use case', candidate, candidate);
    } catch {
      continue;
    }
    if (idiomaticName(candidate) !== null || request.existing.has(candidate)) continue;
    if (newUseCaseCollisions(scope, name, request).length === 0) return candidate;
  }
  return null;
}
