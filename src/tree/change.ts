export type Change =
  | { kind: 'create'; path: string; content: string }
  | { kind: 'update'; path: string; content: string; before: string };
