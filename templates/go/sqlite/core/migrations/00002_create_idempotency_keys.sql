-- +goose Up
-- The Idempotency-Key of each POST request that succeeded, with the response
-- its retries get. A row is written in the transaction of the request's own
-- writes, so the two are kept or lost together. Times are Unix milliseconds.
CREATE TABLE idempotency_keys (
    key         TEXT    PRIMARY KEY,
    fingerprint TEXT    NOT NULL,
    status      INTEGER NOT NULL,
    header      TEXT    NOT NULL,
    body        BLOB    NOT NULL,
    expires_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);

-- +goose Down
DROP TABLE idempotency_keys;
