import type { Lang } from '../choices/catalog.js';
import type { ServiceSpec } from '../choices/service-spec.js';
import type { PostStep } from '../post-steps/post-step.js';
import type { Project } from '../project/load-project.js';
import type { Tree } from '../tree/tree.js';
import type { AddOperation } from './add-operation.js';
import type { ServiceInventory } from './inventory.js';
import type { LayoutViolation } from './layout.js';

/**
 * One language create-service generates and grows. Commands look a target up in the registry
 * (src/targets/registry.ts) by the service's `choices.lang` and call it; which choices a target
 * offers is in the catalog (src/choices/target-support.ts), so a refusal needs no target loaded.
 * A target module loads its heavy parts (templates, tree-sitter, ts-morph) only when a method runs.
 */
export interface Target {
  lang: Lang;
  /** Writes a complete service for the spec into the tree. Pure: no disk writes, no prompts, no output. */
  generate(tree: Tree, spec: ServiceSpec): Promise<void>;
  /** What runs after create commits: installs, formatting checks, git init. */
  postSteps(options: PostStepOptions): Promise<PostStep[]>;
  /** The commands create prints once the service is ready, after `cd <dir>`: what to run after create, given whether the sample use case is there. */
  nextSteps(choices: { example: boolean }): NextStep[];
  /** `grpc`: also serve it over gRPC (Go only; the TypeScript target refuses it with exit 2). */
  addUsecase(name: string, options: { uses?: string; http?: string; grpc?: boolean }): Promise<AddOperation>;
  addPort(name: string, options: { methods?: readonly string[] }): Promise<AddOperation>;
  /** `svc add adapter <kind> [--for Port] [--base-url-env NAME]`: checks its flags with parseAdapterRequest (src/choices/adapter-kind.ts). */
  addAdapter(kind: string, options: { for?: string; baseUrlEnv?: string; install?: boolean }): Promise<AddOperation>;
  /** `svc add transport <kind>`: checks the kind with parseTransportToAdd (src/choices/target-support.ts). */
  addTransport(kind: string, options: { install?: boolean }): Promise<AddOperation>;
  /** `svc add event <Name>`: a versioned event type in the domain, documented in api/asyncapi.yaml. */
  addEvent(name: string, options: { from?: string }): Promise<AddOperation>;
  /** `svc add consumer <Event> --handler <UseCase>`: an inbound adapter running the use case for each event. */
  addConsumer(event: string, options: { handler: string }): Promise<AddOperation>;
  /** `svc list`: use cases, ports and adapters, read from the code through the syntax tree. */
  inventory(project: Project): Promise<ServiceInventory>;
  /** `svc doctor`'s checks of this target: its toolchain against the project, and the layout rules. */
  doctor(project: Project, toolchains: Toolchains): Promise<DoctorFindings>;
}

export interface PostStepOptions {
  install: boolean;
  git: boolean;
  /** The files create wrote: the first commit stages only these (and the lock file). */
  files: readonly string[];
}

export interface NextStep {
  command: string;
  hint?: string;
}

/** The installed toolchains' versions, asked only by the target that needs one (tests pass fixed answers). */
export interface Toolchains {
  /** `go1.26.0`, or null when go is not installed. */
  goVersion?: () => Promise<string | null>;
  /** `v20.19.5`, the running Node. */
  nodeVersion?: () => string;
}

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DoctorFindings {
  checks: DoctorCheck[];
  violations: LayoutViolation[];
}
