import { describe, expect, it } from 'vitest';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import { read, runAdd, snapshot, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

const usecase = (name: string, options: { uses?: string; http?: string } = {}) => addTsUsecaseOperation(name, options);

describe('svc add usecase (TypeScript): the skeleton', () => {
  it('validates its input, then fails with the domain NotImplementedError, and its test says so', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, usecase('RefundOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/refund' }))).code).toBe(0);
    const useCase = read(root, 'src/app/refund-order.ts');
    expect(useCase).toContain('export interface RefundOrderInput {\n  id: string;\n  reference: string;\n}');
    expect(useCase).toContain("    validate(input);\n    return Promise.reject(new NotImplementedError('RefundOrder'));");
    expect(useCase).not.toContain('Promise.resolve');
    const test = read(root, 'src/app/refund-order.test.ts');
    expect(test).toContain('rejects.toBeInstanceOf(NotImplementedError)');
    expect(test).toContain("it.each(['id', 'reference'] as const)('rejects a blank %s'");
    const handlerTest = read(root, 'src/adapter/http/refund-order.test.ts');
    expect(handlerTest).toContain("it('answers 501 until RefundOrder is written, passing it the path parameter id and the body'");
    expect(handlerTest).toContain("expect(response.json()).toMatchObject({ status: 501, title: 'Not Implemented' });");
    expect(handlerTest).not.toContain('toBe(200)');
  });

  it.each([
    ['POST', 'request.params.id, reference: request.body.reference', "Params: { id: string }; Body: { reference: string }"],
    ['PUT', 'request.params.id, reference: request.body.reference', "Params: { id: string }; Body: { reference: string }"],
    ['PATCH', 'request.params.id, reference: request.body.reference', "Params: { id: string }; Body: { reference: string }"],
    ['DELETE', 'request.params.id', 'Params: { id: string }'],
    ['GET', 'request.params.id', 'Params: { id: string }'],
  ])('%s /v1/orders/{id}/notes: the path parameter is a field of the input', async (method, fields, requestType) => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase('OrderNotes', { http: `${method} /v1/orders/{id}/notes` }));
    expect(result.code, result.all).toBe(0);
    const handler = read(root, 'src/adapter/http/order-notes.ts');
    expect(handler).toContain(`server.${method.toLowerCase()}<{ ${requestType} }>('/v1/orders/:id/notes'`);
    expect(handler).toContain(`orderNotes.execute({ id: ${fields} }, request.deadline)`);
    expect(read(root, 'src/app/order-notes.ts')).toContain("if (input.id.trim() === '') errors.push({ field: 'id', detail: 'must not be blank' });");
    const test = read(root, 'src/adapter/http/order-notes.test.ts');
    expect(test).toContain(`url: '/v1/orders/id-1/notes'`);
    expect(test).toMatch(/toEqual\(\{ id: 'id-1'/);
  });

  it('every path parameter, in order; a blank one is the 422 case when there is no body', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, usecase('ShowNote', { http: 'GET /v1/orders/{orderId}/notes/{noteId}' }))).code).toBe(0);
    expect(read(root, 'src/adapter/http/show-note.ts')).toContain('showNote.execute({ orderId: request.params.orderId, noteId: request.params.noteId }, request.deadline)');
    const test = read(root, 'src/adapter/http/show-note.test.ts');
    expect(test).toContain("url: '/v1/orders/orderId-1/notes/%20' });\n    expect(response.statusCode).toBe(422);");
    expect(test).toContain("errors: [{ field: 'noteId', detail: 'must not be blank' }]");
  });

  it('without a path parameter, a GET takes the reference from the query', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, usecase('FindOrders', { http: 'GET /v1/orders' }))).code).toBe(0);
    expect(read(root, 'src/adapter/http/find-orders.ts')).toContain("findOrders.execute({ reference: request.query.reference ?? '' }, request.deadline)");
    expect(read(root, 'src/adapter/http/find-orders.test.ts')).toContain("url: '/v1/orders?reference=%20' });\n    expect(response.statusCode).toBe(422);");
  });

  it('a path parameter named like the body field is refused: exit 2', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase('Tag', { http: 'POST /v1/tags/{reference}' }));
    expect(result.code).toBe(2);
    expect(result.all).toContain('the path parameter {reference} would be the same field as the body\'s reference');
  });

  it('a new service maps NotImplementedError to 501 in its one error table', async () => {
    const root = await makeTsService();
    expect(read(root, 'src/domain/errors.ts')).toContain('export class NotImplementedError extends Error {');
    expect(read(root, 'src/adapter/http/problem.ts')).toContain('  [NotImplementedError, 501],\n];');
  });

  it('a service generated before NotImplementedError gets the class and its row in the table through edits', async () => {
    const root = await makeTsService();
    const errors = read(root, 'src/domain/errors.ts');
    write(root, 'src/domain/errors.ts', errors.slice(0, errors.indexOf('\n/** The work is not written yet')));
    write(
      root,
      'src/adapter/http/problem.ts',
      read(root, 'src/adapter/http/problem.ts')
        .replace('NotFoundError, NotImplementedError, UnavailableError, ValidationError', 'NotFoundError, UnavailableError, ValidationError')
        .replace('  [NotImplementedError, 501],\n', '')
        .replace("  501: 'Not Implemented',\n", ''),
    );
    const result = await runAdd(root, usecase('RefundOrder', { http: 'POST /v1/orders/{id}/refund' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/domain/errors.ts')).toBe(errors);
    const problem = read(root, 'src/adapter/http/problem.ts');
    expect(problem).toContain("import { ConflictError, type FieldError, NotFoundError, NotImplementedError, UnavailableError, ValidationError } from '../../domain/errors.js';");
    expect(problem).toContain('  [UnavailableError, 503],\n  [NotImplementedError, 501],\n];');
    expect(problem).toContain("  504: 'Gateway Timeout',\n  501: 'Not Implemented',\n};");
    const again = snapshot(root);
    expect((await runAdd(root, usecase('RefundOrder', { http: 'POST /v1/orders/{id}/refund' }))).code).toBe(0);
    expect(snapshot(root)).toEqual(again);
  });

  it('a problem.ts that maps the error its own way is left alone', async () => {
    const root = await makeTsService();
    const problem = read(root, 'src/adapter/http/problem.ts').replace('  [NotImplementedError, 501],\n', '').replace("  if (error instanceof Error && error.name === 'TimeoutError')", "  if (error instanceof NotImplementedError) return problem(501);\n  if (error instanceof Error && error.name === 'TimeoutError')");
    write(root, 'src/adapter/http/problem.ts', problem);
    expect((await runAdd(root, usecase('RefundOrder', { http: 'POST /v1/orders/{id}/refund' }))).code).toBe(0);
    expect(read(root, 'src/adapter/http/problem.ts')).toBe(problem);
  });
});
