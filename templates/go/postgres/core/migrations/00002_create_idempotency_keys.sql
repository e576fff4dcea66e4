-- +goose Up
-- The Idempotency-Key of each POST request that succeeded, with the response
-- its retries get. A row is written in the transaction of the request's own
-- writes, so the two are kept or lost together.
CREATE TABLE idempotency_keys (
    key         text        PRIMARY KEY,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    header      jsonb       NOT NULL,
    body        bytea       NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);

-- +goose Down
DROP TABLE idempotency_keys;
