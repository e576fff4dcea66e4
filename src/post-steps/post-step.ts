/** A process to run after the commit, e.g. `go mod tidy`. Only post-steps start processes. */
export interface PostStep {
  title: string;
  /** The command a user can run by hand when the step was skipped or failed. */
  manual: string;
  /** What the user does after `manual`, in words, when no command can say it (e.g. review, then commit). */
  afterward?: string;
  /** An executable the step needs; when it is missing the step is skipped with a warning. */
  needs?: string;
  /**
   * The add is not done without this step (buf generate after a .proto change: the new code calls
   * what it generates): when it fails, the add's files get back what they held before, and the step
   * restores what it changed itself.
   */
  undoesAddOnFailure?: boolean;
  /** Why the step should not run at all here (e.g. already inside a git work tree). */
  skipReason?(cwd: string): Promise<string | undefined>;
  /** `signal` aborts on Ctrl-C: the step must stop its process (execa's cancelSignal does). */
  run(cwd: string, signal: AbortSignal): Promise<void>;
}

/** `interrupted`: Ctrl-C stopped this step, and the steps after it did not run. */
export type StepStatus = 'done' | 'skipped' | 'failed' | 'interrupted';

export interface StepResult {
  title: string;
  status: StepStatus;
  detail?: string;
  manual: string;
  afterward?: string;
  /** The user still has to run `manual` themselves. */
  actionable: boolean;
  seconds: number;
}
