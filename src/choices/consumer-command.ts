/** How `svc add consumer` is recorded in svc.json's history, the same for every target. */
export function consumerCommand(event: string, options: { handler: string }): string {
  return ['add consumer', event, `--handler ${options.handler}`].join(' ');
}
