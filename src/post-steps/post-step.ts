/** A process to run after the commit, e.g. `go mod tidy`. Only post-steps start processes. */
export interface PostStep {
  title: string;
  /** The command a user can run by hand when the step was skipped or failed. */
  manual: string;
  /** An executable the step needs; when it is missing the step is skipped with a warning. */
  needs?: string;
  /** Why the step should not run at all here (e.g. already inside a git work tree). */
  skipReason?(cwd: string): Promise<string | undefined>;
  run(cwd: string): Promise<void>;
}

export type StepStatus = 'done' | 'skipped' | 'failed';

export interface StepResult {
  title: string;
  status: StepStatus;
  detail?: string;
  manual: string;
  /** The user still has to run `manual` themselves. */
  actionable: boolean;
  seconds: number;
}
