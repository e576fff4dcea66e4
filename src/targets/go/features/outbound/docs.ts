import { namesOf, type Names } from '../../../../choices/naming.js';
import type { HttpPort } from './adapter-code.js';

export const ENV_EXAMPLE = (port: Names, baseUrlEnv: string, placeholder: string) => `# ${port.pascal} over HTTP (internal/adapter/httpclient). Required: where the service is.
# The other ${port.constant}_* variables tune timeouts, retries, breaker and limits (README.md).
${baseUrlEnv}=${placeholder}
# ${port.constant}_ATTEMPT_TIMEOUT=3s
# ${port.constant}_MAX_ATTEMPTS=3
# ${port.constant}_BREAKER_FAILURES=5
# ${port.constant}_MAX_CONCURRENT=32
`;

/** The README section of one http adapter: its wire contract, its settings, and how it fails. */
export const README = (port: HttpPort, baseUrlEnv: string, prometheus: boolean) => {
  const { pascal, camel, snake, constant } = port.name;
  const rows = port.methods
    .map((method) => `| \`${method.name}\` | \`POST /${namesOf(method.name).kebab}\` | \`${camel}${method.name}Request\` | ${method.results.length > 1 ? `\`${camel}${method.name}Answer\`` : 'ignored'} |`)
    .join('\n');
  return `## Outbound HTTP: ${pascal}

\`internal/adapter/httpclient/${snake}.go\` implements the ${pascal} port by calling another service
over HTTP at \`${baseUrlEnv}\`. The wire contract it assumes:

| Method | Request (as generated) | JSON body | JSON answer (2xx) |
|---|---|---|---|
${rows}

- Every argument but \`ctx\` is a field of the request type, named in snake_case; results are the
  fields \`result\` (or \`result1\`, \`result2\`, …) of the answer. Unknown answer fields are ignored.
- Each call carries an \`Idempotency-Key\` (the same on all its attempts): the service must
  deduplicate by it, because POSTs are retried. For an endpoint that does not, set
  \`IdempotencyKey: false\`: its calls are then never retried.
- 2xx is success; 404, 409 and 422 become the domain's not found, conflict and invalid; 5xx, 429,
  timeouts and refused connections mean the dependency is unavailable (this service answers 503
  with \`Retry-After\`); any other status breaks the contract and is a 500.
- Methods and paths live in one place, the \`${camel}Routes\` table at the top of the file: change
  them to the service's API (GET, PUT and DELETE are retried without a key).

Every call goes through \`internal/platform/outbound\`: the caller's deadline and a per-attempt
timeout, at most 3 attempts with exponential backoff and full jitter (honouring \`Retry-After\`),
within a retry budget; a circuit breaker that opens after 5 consecutive failures and fails calls at
once for 10s; a token bucket and a bulkhead of 32 calls in flight. Each breaker transition is
logged once${prometheus ? `; the \`outbound_*\` metrics count calls by outcome, retries and rejections, and
\`outbound_breaker_state{dependency="${snake}"}\` is 2 while the breaker is open` : ''}. An open breaker does
not fail \`/readyz\`: the replicas are fine, the dependency is not, and taking them out of service
would turn one failing dependency into an outage of every endpoint.

| Variable | Default | Meaning |
|---|---|---|
| \`${baseUrlEnv}\` | required | http:// or https:// base URL of the service |
| \`${constant}_ATTEMPT_TIMEOUT\` | \`3s\` | Bound on one attempt, body included |
| \`${constant}_DIAL_TIMEOUT\` / \`_TLS_HANDSHAKE_TIMEOUT\` / \`_RESPONSE_HEADER_TIMEOUT\` | \`1s\` / \`2s\` / \`2s\` | Bounds on the steps of an attempt |
| \`${constant}_MAX_ATTEMPTS\` / \`_BACKOFF_BASE\` / \`_BACKOFF_MAX\` | \`3\` / \`100ms\` / \`1s\` | Retries and their backoff |
| \`${constant}_RETRY_BUDGET\` | \`0.2\` | Share of calls that may be retried |
| \`${constant}_BREAKER_FAILURES\` / \`_BREAKER_OPEN_FOR\` | \`5\` / \`10s\` | When the breaker opens, and for how long |
| \`${constant}_RATE_LIMIT\` / \`_RATE_BURST\` | \`0\` (off) / \`20\` | Calls per second and burst |
| \`${constant}_MAX_CONCURRENT\` | \`32\` | Calls in flight (bulkhead) |
| \`${constant}_MAX_IDLE_CONNS\` / \`_MAX_CONNS\` / \`_IDLE_CONN_TIMEOUT\` | \`16\` / \`64\` / \`90s\` | Connection pool |
| \`${constant}_MAX_RESPONSE_BYTES\` | \`1048576\` | Largest answer read |

\`svc add adapter memory --for ${pascal}\` wires the memory adapter again (the files stay).
`;
};
