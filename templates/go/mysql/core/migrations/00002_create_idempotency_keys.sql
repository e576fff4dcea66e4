-- +goose Up
-- The Idempotency-Key of each POST request that succeeded, with the response
-- its retries get. A row is written in the transaction of the request's own
-- writes, so the two are kept or lost together. Keys compare byte for byte.
CREATE TABLE idempotency_keys (
    `key`       VARBINARY(255) NOT NULL PRIMARY KEY,
    fingerprint VARBINARY(255) NOT NULL,
    status      INT            NOT NULL,
    header      JSON           NOT NULL,
    body        LONGBLOB       NOT NULL,
    expires_at  DATETIME(6)    NOT NULL,
    INDEX idempotency_keys_expires_at (expires_at)
) ENGINE = InnoDB;

-- +goose Down
DROP TABLE idempotency_keys;
