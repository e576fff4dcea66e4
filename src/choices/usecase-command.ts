/** How `svc add usecase` is recorded in svc.json's history, the same for every target. */
export function usecaseCommand(name: string, options: { uses?: string; http?: string; grpc?: boolean }): string {
  return [
    'add usecase',
    name,
    ...(options.uses === undefined ? [] : [`--uses ${options.uses}`]),
    ...(options.http === undefined ? [] : [`--http ${JSON.stringify(options.http)}`]),
    ...(options.grpc === true ? ['--grpc'] : []),
  ].join(' ');
}
