import type { PostStep } from '../post-steps/post-step.js';
import type { Project } from '../project/load-project.js';
import type { Verifier } from '../verify/verifier.js';

/** One `svc add …` operation: validates its input against the project, then edits the tree. */
export interface AddOperation {
  /** Recorded in svc.json's history, e.g. "add usecase CreateOrder". */
  command: string;
  /** `verifier` proves the staged change compiles before anything is written (also on --dry-run). */
  apply(project: Project): Promise<{ postSteps: PostStep[]; verifier?: Verifier }>;
}
