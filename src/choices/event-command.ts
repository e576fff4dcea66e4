/** How `svc add event` is recorded in svc.json's history, the same for every target. */
export function eventCommand(name: string, options: { from?: string } = {}): string {
  return ['add event', name, ...(options.from === undefined ? [] : [`--from ${options.from}`])].join(' ');
}
