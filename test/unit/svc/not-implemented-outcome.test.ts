import { describe, expect, it } from 'vitest';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { AnchorNotFoundError } from '../../../src/targets/go/edit/errors.js';
import { dropNotImplementedOutcome, errorStatusesTable, renameOutcomeTables, userFile } from '../../helpers/go-hand-edits.js';
import { makeService, read, runAdd, snapshot } from './fixture.js';
import { makeGrpcService } from './grpc-fixture.js';

const MODULE = 'example.com/orders';
const noVerify = { verify: false };
const PROBLEM = 'internal/adapter/http/problem.go';
const OUTCOME = 'internal/domain/outcome.go';
const ERRORS = 'internal/domain/errors.go';

describe('one table of domain errors: HTTP answers from domain.OutcomeOf', () => {
  it('a fresh service: problem.go maps outcomes, not kinds of error, and an add leaves both tables alone', async () => {
    const root = await makeService();
    const problem = read(root, PROBLEM);
    expect(problem).not.toContain('errorStatuses');
    expect(problem).toContain('var outcomeStatuses = [domain.OutcomeCount]int{');
    expect(problem).toContain('\toutcome := domain.OutcomeOf(err)\n\tp := newProblem(outcomeStatuses[outcome], "")\n');
    expect(read(root, OUTCOME)).toContain('\t{ErrNotImplemented, OutcomeNotImplemented},\n');
    const before = snapshot(root);
    const result = await runAdd(root, addUsecaseOperation('CreateInvoice', { http: 'POST /v1/invoices' }), noVerify);
    expect(result.code, result.all).toBe(0);
    const after = snapshot(root);
    for (const file of [PROBLEM, OUTCOME, ERRORS]) expect(after[file], file).toBe(before[file]);
  });

  it('a service whose user removed ErrNotImplemented gets its kind row, 501 and detail back', async () => {
    const root = await makeService();
    dropNotImplementedOutcome(root);
    const result = await runAdd(root, addUsecaseOperation('CreateInvoice', { http: 'POST /v1/invoices' }), noVerify);
    expect(result.code, result.all).toBe(0);
    expect(read(root, ERRORS)).toContain('\tErrNotImplemented = errors.New("not implemented")\n)');
    expect(read(root, OUTCOME)).toContain('\t{context.Canceled, OutcomeCanceled},\n\t{ErrNotImplemented, OutcomeNotImplemented},\n}');
    const problem = read(root, PROBLEM);
    expect(problem).toContain('\tdomain.OutcomeCanceled:         statusClientClosedRequest,\n\tdomain.OutcomeNotImplemented:   http.StatusNotImplemented,\n}');
    expect(problem).toContain('\thttp.StatusNotImplemented:      "The operation is not implemented yet.",\n}');
    expect(problem).not.toContain('errorStatuses');
    // A second add finds every row in place.
    const settled = snapshot(root);
    expect((await runAdd(root, addUsecaseOperation('CreateRefund', { http: 'POST /v1/refunds' }), noVerify)).code).toBe(0);
    for (const file of [PROBLEM, OUTCOME, ERRORS]) expect(read(root, file), file).toBe(settled[file]);
  });

  it('renamed tables and import names: the rows go into the tables as the user named them', async () => {
    const root = await makeService();
    dropNotImplementedOutcome(root);
    renameOutcomeTables(root, MODULE);
    const result = await runAdd(root, addUsecaseOperation('CreateInvoice', { http: 'POST /v1/invoices' }), noVerify);
    expect(result.code, result.all).toBe(0);
    expect(read(root, OUTCOME)).toContain('var errorKinds = []struct {');
    expect(read(root, OUTCOME)).toContain('\t{ErrNotImplemented, OutcomeNotImplemented},\n}');
    const problem = read(root, PROBLEM);
    expect(problem).toContain('\tdom.OutcomeNotImplemented:   nethttp.StatusNotImplemented,\n}');
    expect(problem).toContain('\tnethttp.StatusNotImplemented:      "The operation is not implemented yet.",\n}');
    expect(problem).not.toMatch(/\bhttp\.Status|\bdomain\./);
  });

  it('without OutcomeNotImplemented, --http refuses with the lines to add and writes nothing; without --http it goes on', async () => {
    const root = await makeService();
    dropNotImplementedOutcome(root);
    userFile(root, OUTCOME, read(root, OUTCOME).replace('\tOutcomeNotImplemented\n', ''));
    const before = snapshot(root);
    const refused = await runAdd(root, addUsecaseOperation('CreateInvoice', { http: 'POST /v1/invoices' }), noVerify);
    expect(refused.code, refused.all).toBe(1);
    expect(refused.error).toBeInstanceOf(AnchorNotFoundError);
    expect((refused.error as AnchorNotFoundError).manualSnippet).toContain('{ErrNotImplemented, OutcomeNotImplemented},');
    expect(snapshot(root)).toEqual(before);
    const plain = await runAdd(root, addUsecaseOperation('CreateInvoice'), noVerify);
    expect(plain.code, plain.all).toBe(0);
    expect(read(root, OUTCOME)).toBe(before[OUTCOME]);
  });

  it('a service from before the table of kinds keeps its errorStatuses, and gains no outcome table', async () => {
    const root = await makeService();
    errorStatusesTable(root, MODULE);
    const before = snapshot(root);
    const result = await runAdd(root, addUsecaseOperation('CreateInvoice', { http: 'POST /v1/invoices' }), noVerify);
    expect(result.code, result.all).toBe(0);
    expect(read(root, PROBLEM)).toBe(before[PROBLEM]);
    expect(read(root, PROBLEM)).toContain('\t{domain.ErrNotImplemented, http.StatusNotImplemented},\n');
    expect(snapshot(root)[OUTCOME]).toBeUndefined();
  });

  it('with gRPC: the code and message of Unimplemented come back too', async () => {
    const root = await makeGrpcService();
    dropNotImplementedOutcome(root);
    const result = await runAdd(root, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(result.code, result.all).toBe(0);
    const errors = read(root, 'internal/adapter/grpc/errors.go');
    expect(errors).toContain('\tdomain.OutcomeCanceled:         codes.Canceled,\n\tdomain.OutcomeNotImplemented:   codes.Unimplemented,\n}');
    expect(errors).toContain('\tcodes.Unimplemented:    "the operation is not implemented yet",\n}');
    expect(read(root, OUTCOME)).toContain('\t{ErrNotImplemented, OutcomeNotImplemented},\n}');
  });
});
