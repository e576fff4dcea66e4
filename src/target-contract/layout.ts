/** An import that breaks the hexagon's dependency rule, as `svc doctor` reports it for every target. */
export interface LayoutViolation {
  file: string;
  imports: string;
  rule: string;
}
