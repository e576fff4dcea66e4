import type { Verifier } from '../../../verify/verifier.js';

/**
 * The verifier of an add that edits the gRPC API: buf build and buf lint on the changed .proto,
 * then the Go verification with the code buf generates from it in the overlay, so the new server
 * method compiles against the messages it uses. Imported only when it runs.
 */
export function grpcVerifier(protoRoot: string): Verifier {
  return {
    title: 'buf build, buf lint, gofmt, go vet',
    async verify(root, changes) {
      const [{ verifyProto }, { verifyGo }] = await Promise.all([import('./verify-proto.js'), import('./verify-go.js')]);
      const proto = await verifyProto(root, protoRoot, changes);
      if (proto.outcome.status !== 'ok') return proto.outcome;
      const generatedPaths = new Set(proto.generated.map((change) => change.path));
      return verifyGo(root, [...changes.filter((change) => !generatedPaths.has(change.path)), ...proto.generated]);
    },
  };
}
