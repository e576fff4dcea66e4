import type { Verifier } from '../../../verify/verifier.js';

/** The verifier of every TypeScript add; its implementation is imported only when it runs (not with --no-verify). */
export function tsVerifier(): Verifier {
  return {
    title: 'TypeScript type check',
    async verify(root, changes) {
      const { verifyTs } = await import('./verify-ts.js');
      return verifyTs(root, changes);
    },
  };
}
