import { pascalCase } from 'change-case';

/**
 * The names of a Go service's gRPC API, derived from its kebab-case name. One function for create,
 * `svc add transport grpc`, `svc add usecase --grpc` and `svc list`, so they always agree.
 *
 * `payment-gateway` -> package `paymentgateway.v1` in `api/proto/paymentgateway/v1/paymentgateway.proto`,
 * service `PaymentGatewayService`, Go package `paymentgatewayv1` in `internal/gen/paymentgateway/v1`.
 * Hyphens are dropped rather than turned into underscores: buf's PACKAGE_LOWER_SNAKE_CASE accepts
 * both, but a Go package (and its import alias) with an underscore fails the linters.
 */
export interface ProtoNames {
  /** Proto package root and directory name: `paymentgateway`. */
  pkg: string;
  /** Full proto package: `paymentgateway.v1`. */
  protoPackage: string;
  /** The .proto file, relative to the service root. */
  protoFile: string;
  /** The buf module root (buf.yaml `modules[0].path`), relative to the service root. */
  protoRoot: string;
  /** The one service of the API: `PaymentGatewayService` (a name ending in Service keeps one suffix). */
  service: string;
  /** Directory of the generated Go code, relative to the service root. */
  goDir: string;
  /** Package name of the generated Go code: `paymentgatewayv1`, also its import alias. */
  goPackage: string;
  /** Import path of the generated Go code. */
  goImport: string;
  /** The generated files buf writes into goDir. */
  generatedFiles: readonly string[];
}

export const PROTO_ROOT = 'api/proto';
export const GENERATED_GO_ROOT = 'internal/gen';

export function protoNamesOf(serviceKebab: string, module: string): ProtoNames {
  const pkg = serviceKebab.split('-').join('');
  const pascal = pascalCase(serviceKebab);
  const goDir = `${GENERATED_GO_ROOT}/${pkg}/v1`;
  return {
    pkg,
    protoPackage: `${pkg}.v1`,
    protoFile: `${PROTO_ROOT}/${pkg}/v1/${pkg}.proto`,
    protoRoot: PROTO_ROOT,
    service: pascal.endsWith('Service') ? pascal : `${pascal}Service`,
    goDir,
    goPackage: `${pkg}v1`,
    goImport: `${module}/${goDir}`,
    generatedFiles: [`${goDir}/${pkg}.pb.go`, `${goDir}/${pkg}_grpc.pb.go`],
  };
}

/** One rpc per use case: `CreateOrder(CreateOrderRequest) returns (CreateOrderResponse)`, buf STANDARD lint names. */
export interface RpcNames {
  rpc: string;
  request: string;
  response: string;
}

export function rpcNamesOf(useCasePascal: string): RpcNames {
  return { rpc: useCasePascal, request: `${useCasePascal}Request`, response: `${useCasePascal}Response` };
}
