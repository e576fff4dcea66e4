import type { Verifier } from '../../../verify/verifier.js';

/** The verifier of every Go add; its implementation is imported only when it runs (not with --no-verify). */
export function goVerifier(): Verifier {
  return {
    title: 'gofmt, go vet',
    async verify(root, changes) {
      const { verifyGo } = await import('./verify-go.js');
      return verifyGo(root, changes);
    },
  };
}
