import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTemplate } from '../../src/render/handlebars.js';

/**
 * Realistic hand edits of a generated Go service (module example.com/<name>), as a team makes them
 * over weeks. Each returns nothing and rewrites files in place; each throws when the text it
 * expects is gone, so a template change cannot silently turn a test into a no-op.
 */

function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`hand edit of ${file} changed nothing`);
  fs.writeFileSync(full, after);
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`hand edit: ${String(from)} not found`);
  return next;
}

const ROUTER = 'internal/adapter/http/router.go';

/** The body of `func routes` and its signature, with the rest of router.go around it. */
function withinRoutes(text: string, change: (routes: string) => string): string {
  const start = text.indexOf('func routes(');
  const end = text.indexOf('\n}\n', start) + 3;
  if (start === -1) throw new Error('hand edit: no func routes');
  return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
}

/**
 * router.go imports net/http as nethttp, log/slog as logpkg and internal/app as core, and routes
 * calls its parameters mux2, logger and application.
 */
export function renameRoutesParameters(root: string, module: string): void {
  edit(root, ROUTER, (text) => {
    let next = replaceOnce(text, '\t"log/slog"\n', '\tlogpkg "log/slog"\n');
    next = replaceOnce(next, '\t"net/http"\n', '\tnethttp "net/http"\n');
    next = replaceOnce(next, `\t"${module}/internal/app"\n`, `\tcore "${module}/internal/app"\n`);
    next = next.replace(/\bslog\./g, 'logpkg.').replace(/\bhttp\./g, 'nethttp.').replace(/\*app\.App\b/g, '*core.App');
    return withinRoutes(next, (routes) =>
      routes
        .replace('func routes(mux *nethttp.ServeMux, log *logpkg.Logger, a *core.App,', 'func routes(mux2 *nethttp.ServeMux, logger *logpkg.Logger, application *core.App,')
        .replace(/\tmux\.Handle\(/g, '\tmux2.Handle(')
        .replace(/\(log\b/g, '(logger')
        .replace(/\ba\.(\w+)\)/g, 'application.$1)'),
    );
  });
}

/** routes loses its logger: its handlers log through a package variable instead. */
export function dropRoutesLogger(root: string): void {
  edit(root, ROUTER, (text) => {
    let next = replaceOnce(text, 'routes(mux, cfg.Log, cfg.App,', 'routesLog = cfg.Log\n\troutes(mux, cfg.App,');
    next = replaceOnce(next, 'func routes(mux *http.ServeMux, log *slog.Logger, a *app.App,', '// routesLog is the logger of every route.\nvar routesLog *slog.Logger\n\nfunc routes(mux *http.ServeMux, a *app.App,');
    return withinRoutes(next, (routes) => routes.replace(/\(log\b/g, '(routesLog'));
  });
}

/** routes declares a local `invoices` (the routes of one feature, registered in a loop). */
export function routesLocal(root: string, local: string): void {
  edit(root, ROUTER, (text) =>
    withinRoutes(text, (routes) => replaceOnce(routes, '\tmux.Handle("GET /healthz"', `\t${local} := []string{"GET /v1/${local}-export"}\n\tfor _, pattern := range ${local} {\n\t\tmux.Handle(pattern, liveness(log))\n\t}\n\tmux.Handle("GET /healthz"`)),
  );
}

/** func New calls its Ports parameter `ports`. */
export function renamePortsParameter(root: string): void {
  edit(root, 'internal/app/app.go', (text) => replaceOnce(text, 'func New(p Ports) *App {', 'func New(ports Ports) *App {').replace(/\(p\.(\w+)/g, '(ports.$1').replace(/, p\.(\w+)/g, ', ports.$1'));
}

/** problem.go as services before the table of kinds (internal/domain/outcome.go) had it: errorStatuses. */
const PROBLEM_BEFORE_OUTCOMES = fileURLToPath(new URL('../fixtures/go-before-outcomes/problem.go.hbs', import.meta.url));

/** A service generated before internal/domain/outcome.go: the HTTP adapter maps errors in errorStatuses. */
export function errorStatusesTable(root: string, module: string): void {
  edit(root, 'internal/adapter/http/problem.go', (text) => {
    const otel = text.includes('"go.opentelemetry.io/otel/trace"');
    return renderTemplate(fs.readFileSync(PROBLEM_BEFORE_OUTCOMES, 'utf8'), { module, tracing: { otel } }, PROBLEM_BEFORE_OUTCOMES);
  });
  fs.rmSync(path.join(root, 'internal/domain/outcome.go'));
  // Its test came with the table of kinds: services of that age do not have it either.
  fs.rmSync(path.join(root, 'internal/adapter/http/problem_outcome_test.go'), { force: true });
}

/** A service generated before domain.ErrNotImplemented, the 501 row and the table of kinds existed. */
export function dropNotImplemented(root: string, module: string): void {
  errorStatusesTable(root, module);
  edit(root, 'internal/domain/errors.go', (text) => replaceOnce(text, /\t\/\/ ErrNotImplemented means[^\n]*\n[^\n]*\n\tErrNotImplemented = [^\n]*\n/, ''));
  edit(root, 'internal/adapter/http/problem.go', (text) =>
    replaceOnce(replaceOnce(text, '\t{domain.ErrNotImplemented, http.StatusNotImplemented},\n', ''), /\thttp\.StatusNotImplemented: +"[^"]*",\n/, ''),
  );
  edit(root, 'internal/adapter/http/problem_test.go', (text) => replaceOnce(text, /\t\t\{"not implemented"[^\n]*\n/, ''));
}

/**
 * A service with the table of kinds whose user removed domain.ErrNotImplemented and every answer to
 * it: its row in outcome.go, HTTP's 501 row and detail, and with gRPC its code and message. The
 * constant OutcomeNotImplemented stays.
 */
export function dropNotImplementedOutcome(root: string): void {
  edit(root, 'internal/domain/errors.go', (text) => replaceOnce(text, /\t\/\/ ErrNotImplemented means[^\n]*\n[^\n]*\n\tErrNotImplemented = [^\n]*\n/, ''));
  edit(root, 'internal/domain/outcome.go', (text) => replaceOnce(text, '\t{ErrNotImplemented, OutcomeNotImplemented},\n', ''));
  edit(root, 'internal/adapter/http/problem.go', (text) =>
    replaceOnce(replaceOnce(text, /\tdomain\.OutcomeNotImplemented: +http\.StatusNotImplemented,\n/, ''), /\thttp\.StatusNotImplemented: +"[^"]*",\n/, ''),
  );
  edit(root, 'internal/adapter/http/problem_test.go', (text) => replaceOnce(text, /\t\t\{"not implemented"[^\n]*\n/, ''));
  if (fs.existsSync(path.join(root, 'internal/adapter/grpc/errors.go'))) {
    edit(root, 'internal/adapter/grpc/errors.go', (text) => replaceOnce(replaceOnce(text, /\tdomain\.OutcomeNotImplemented: +codes\.Unimplemented,\n/, ''), /\tcodes\.Unimplemented: +"[^"]*",\n/, ''));
    edit(root, 'internal/adapter/grpc/errors_test.go', (text) => replaceOnce(text, /\t\t\{fmt\.Errorf\("refund: %w", domain\.ErrNotImplemented\)[^\n]*\n/, ''));
  }
}

/**
 * The tables of errors renamed, and the packages they use imported under other names: the table of
 * kinds is errorKinds, HTTP's outcomeStatuses is statusOfOutcome and problemDetails clientDetails,
 * problem.go imports the domain as dom and net/http as nethttp.
 */
export function renameOutcomeTables(root: string, module: string): void {
  edit(root, 'internal/domain/outcome.go', (text) => text.replace(/\boutcomes\b/g, 'errorKinds'));
  edit(root, 'internal/adapter/http/problem.go', (text) => {
    let next = replaceOnce(text, `\t"${module}/internal/domain"\n`, `\tdom "${module}/internal/domain"\n`);
    next = replaceOnce(next, '\t"net/http"\n', '\tnethttp "net/http"\n');
    return next.replace(/\bdomain\./g, 'dom.').replace(/\bhttp\./g, 'nethttp.').replace(/\boutcomeStatuses\b/g, 'statusOfOutcome').replace(/\bproblemDetails\b/g, 'clientDetails');
  });
  for (const file of ['json.go', 'problem_outcome_test.go']) {
    edit(root, `internal/adapter/http/${file}`, (text) => text.replace(/\boutcomeStatuses\b/g, 'statusOfOutcome').replace(/\bproblemDetails\b/g, 'clientDetails'));
  }
}

/** The domain errors declared one by one, not in a var group. */
export function ungroupDomainErrors(root: string): void {
  edit(root, 'internal/domain/errors.go', (text) => {
    const start = text.indexOf('var (\n');
    const end = text.indexOf('\n)\n', start) + 3;
    const rows: string[] = [];
    for (const line of text.slice(start + 'var (\n'.length, end - 3).split('\n')) {
      const row = line.replace(/^\t/, '');
      if (/^Err\w+ = /.test(row)) rows.push(`var ${row}`, '');
      else rows.push(row);
    }
    if (rows.at(-1) === '') rows.pop();
    // The group's doc comment stays above, apart: it no longer documents one name.
    return `${text.slice(0, start)}\n${rows.join('\n')}\n${text.slice(end)}`;
  });
}

/** The error table renamed (statusByKind): the add cannot find it. */
export function renameErrorTable(root: string): void {
  edit(root, 'internal/adapter/http/problem.go', (text) => text.replace(/\berrorStatuses\b/g, 'statusByKind'));
}

/**
 * A use case written by hand, not by svc: Refund, taking the order repository, with a domain
 * type from the path, a number and a string from the body, and a result of two fields.
 */
export function handWrittenRefund(root: string, module: string): void {
  fs.writeFileSync(
    path.join(root, 'internal/app/refund.go'),
    `package app

import (
	"context"
	"fmt"

	"${module}/internal/domain"
	"${module}/internal/port"
)

// RefundInput names the order to refund, how much and why.
type RefundInput struct {
	ID     domain.OrderID
	Amount int64
	Reason string
}

// RefundOutput is the refund made.
type RefundOutput struct {
	RefundID string
	Amount   int64
}

// Refund refunds part of an order.
type Refund struct {
	orders port.OrderRepository
}

// NewRefund returns the use case.
func NewRefund(orders port.OrderRepository) *Refund {
	return &Refund{orders: orders}
}

// Execute refunds in.Amount of the order.
func (uc *Refund) Execute(ctx context.Context, in RefundInput) (RefundOutput, error) {
	order, err := uc.orders.Get(ctx, in.ID)
	if err != nil {
		return RefundOutput{}, fmt.Errorf("refund %s: %w", in.ID, err)
	}
	return RefundOutput{RefundID: "refund-" + string(order.ID), Amount: in.Amount}, nil
}
`,
  );
  edit(root, 'internal/app/app.go', (text) => {
    const next = replaceOnce(text, /(\n\tGetOrder +\*GetOrder\n)/, '$1\tRefund      *Refund\n');
    return replaceOnce(next, /(\n\t\tGetOrder: +NewGetOrder\((\w+)\.Orders\),\n)/, '$1\t\tRefund:      NewRefund($2.Orders),\n');
  });
}

/** A use case by hand whose result holds a domain struct: its JSON form is an API decision. */
export function handWrittenSummary(root: string, module: string): void {
  fs.writeFileSync(
    path.join(root, 'internal/app/summarize.go'),
    `package app

import (
	"context"

	"${module}/internal/domain"
)

// SummarizeInput names the order.
type SummarizeInput struct {
	ID domain.OrderID
}

// SummarizeOutput holds the order.
type SummarizeOutput struct {
	Order domain.Order
}

// Summarize returns an order as it is.
type Summarize struct{}

// Execute returns the zero order.
func (uc *Summarize) Execute(_ context.Context, _ SummarizeInput) (SummarizeOutput, error) {
	return SummarizeOutput{}, nil
}
`,
  );
  edit(root, 'internal/app/app.go', (text) => {
    const next = replaceOnce(text, /(\n\tGetOrder +\*GetOrder\n)/, '$1\tSummarize   *Summarize\n');
    return replaceOnce(next, /(\n\t\tGetOrder: +NewGetOrder\(\w+\.Orders\),\n)/, '$1\t\tSummarize:   &Summarize{},\n');
  });
}

/** A user's file in a package: its own declarations, or its own import names. */
export function userFile(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

/** The version a user gives their next migration: one above the highest in migrations/, as goose numbers them. */
function nextMigration(root: string): string {
  const versions = fs.readdirSync(path.join(root, 'migrations')).map((file) => Number.parseInt(file, 10)).filter(Number.isFinite);
  return String(Math.max(0, ...versions) + 1).padStart(5, '0');
}

/**
 * ReserveStock written for real after `svc add consumer OrderPlaced --handler ReserveStock`: it
 * inserts a row into stock_reservations (a table, port and postgres adapter of the user's own) in
 * the consumer's transaction, after latency of the warehouse's answer. The table has no unique key,
 * so a handler that ran twice for one order leaves two rows: exactly-once is counted on the effect.
 */
export function reserveStockInPostgres(root: string, module: string, broker: 'nats' | 'kafka' | 'rabbitmq' = 'nats', latency = '20*time.Millisecond'): void {
  userFile(
    root,
    `migrations/${nextMigration(root)}_create_stock_reservations.sql`,
    `-- +goose Up
CREATE TABLE stock_reservations (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    text        NOT NULL,
    reserved_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE stock_reservations;
`,
  );
  userFile(
    root,
    'internal/port/stock_reservations.go',
    `package port

import "context"

// StockReservations records the stock reserved for orders.
type StockReservations interface {
	Reserve(ctx context.Context, orderID string) error
}
`,
  );
  userFile(
    root,
    'internal/adapter/postgres/stock_reservations.go',
    `package postgres

import (
	"context"
	"fmt"
)

// StockReservations writes a row per reservation, in the context's transaction.
type StockReservations struct {
	db *DB
}

// NewStockReservations returns the reservations kept in db.
func NewStockReservations(db *DB) *StockReservations {
	return &StockReservations{db: db}
}

// Reserve records the reservation of orderID.
func (s *StockReservations) Reserve(ctx context.Context, orderID string) error {
	if _, err := s.db.conn(ctx).Exec(ctx, \`INSERT INTO stock_reservations (order_id) VALUES ($1)\`, orderID); err != nil {
		return storeError(fmt.Errorf("reserve stock for %s: %w", orderID, err))
	}
	return nil
}
`,
  );
  userFile(
    root,
    'internal/app/reserve_stock.go',
    `package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"${module}/internal/domain"
	"${module}/internal/port"
)

// ReserveStockInput names the order to reserve stock for.
type ReserveStockInput struct {
	Reference string
}

// ReserveStockOutput names the order reserved.
type ReserveStockOutput struct {
	Reference string
}

// ReserveStock reserves the stock of an order.
type ReserveStock struct {
	stock port.StockReservations
}

// NewReserveStock returns the use case.
func NewReserveStock(stock port.StockReservations) *ReserveStock {
	return &ReserveStock{stock: stock}
}

// Execute waits for the warehouse, then records the reservation.
func (uc *ReserveStock) Execute(ctx context.Context, in ReserveStockInput) (ReserveStockOutput, error) {
	if err := in.validate(); err != nil {
		return ReserveStockOutput{}, err
	}
	select {
	case <-ctx.Done():
		return ReserveStockOutput{}, ctx.Err()
	case <-time.After(${latency}):
	}
	if err := uc.stock.Reserve(ctx, in.Reference); err != nil {
		return ReserveStockOutput{}, fmt.Errorf("reserve stock: %w", err)
	}
	return ReserveStockOutput{Reference: in.Reference}, nil
}

func (in ReserveStockInput) validate() error {
	var v domain.ValidationError
	if strings.TrimSpace(in.Reference) == "" {
		v.Add("reference", "is required")
	}
	return v.Err()
}
`,
  );
  // Its generated test is of the stub that failed with ErrNotImplemented.
  fs.rmSync(path.join(root, 'internal/app/reserve_stock_test.go'), { force: true });
  edit(root, `internal/adapter/${broker}/order_placed_consumer.go`, (text) =>
    replaceOnce(
      text,
      'func reserveStockInput(_ domain.Event, _ domain.OrderPlaced) app.ReserveStockInput {\n\treturn app.ReserveStockInput{}\n}',
      'func reserveStockInput(_ domain.Event, payload domain.OrderPlaced) app.ReserveStockInput {\n\treturn app.ReserveStockInput{Reference: string(payload.OrderID)}\n}',
    ),
  );
  edit(root, 'internal/app/app.go', (text) => {
    const next = replaceOnce(text, /(\n\tTx +port\.Transactor\n)/, '$1\tStock  port.StockReservations\n');
    return replaceOnce(next, 'NewReserveStock()', 'NewReserveStock(p.Stock)');
  });
  edit(root, 'internal/bootstrap/ports.go', (text) => replaceOnce(text, /(\n\t\tTx: +db,\n)/, '$1\t\tStock:  postgres.NewStockReservations(db),\n'));
}
