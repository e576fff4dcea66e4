// Package httpclient implements ports by calling other services over HTTP,
// one JSON request per method, through internal/platform/outbound (timeouts,
// retries, circuit breaker, rate limit, bulkhead). The routes table of each
// adapter is its wire contract: change methods and paths there.
package httpclient
