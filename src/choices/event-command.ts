/** How `svc add event` is recorded in svc.json's history, the same for every target. */
export function eventCommand(name: string): string {
  return `add event ${name}`;
}
