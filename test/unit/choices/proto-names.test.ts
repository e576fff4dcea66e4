import { describe, expect, it } from 'vitest';
import { protoNamesOf, rpcNamesOf } from '../../../src/choices/proto-names.js';

describe('protoNamesOf', () => {
  it('drops hyphens from the package and keeps one Service suffix', () => {
    const names = protoNamesOf('payment-gateway', 'example.com/pg');
    expect(names).toEqual({
      pkg: 'paymentgateway',
      protoPackage: 'paymentgateway.v1',
      protoFile: 'api/proto/paymentgateway/v1/paymentgateway.proto',
      protoRoot: 'api/proto',
      service: 'PaymentGatewayService',
      goDir: 'internal/gen/paymentgateway/v1',
      goPackage: 'paymentgatewayv1',
      goImport: 'example.com/pg/internal/gen/paymentgateway/v1',
      generatedFiles: ['internal/gen/paymentgateway/v1/paymentgateway.pb.go', 'internal/gen/paymentgateway/v1/paymentgateway_grpc.pb.go'],
    });
  });

  it('does not double the Service suffix', () => {
    expect(protoNamesOf('order-service', 'm').service).toBe('OrderService');
    expect(protoNamesOf('orders', 'm').service).toBe('OrdersService');
  });

  it('keeps digits of a name in the package', () => {
    expect(protoNamesOf('svc-2', 'm').protoPackage).toBe('svc2.v1');
  });
});

describe('rpcNamesOf', () => {
  it('names the request and response after the use case', () => {
    expect(rpcNamesOf('CancelOrder')).toEqual({ rpc: 'CancelOrder', request: 'CancelOrderRequest', response: 'CancelOrderResponse' });
  });
});
