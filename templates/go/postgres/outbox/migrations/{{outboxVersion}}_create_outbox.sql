-- +goose Up
-- Events waiting for the broker. Use cases insert them in the transaction of
-- their own writes; the relay publishes them in position order per
-- aggregate_key and deletes them once the broker has acknowledged them.
CREATE TABLE outbox (
    position       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       text        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    schema_version integer     NOT NULL,
    occurred_at    timestamptz NOT NULL,
    aggregate_key  text        NOT NULL,
    payload        json        NOT NULL,
    trace_context  jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now()
);
-- The relay finds the oldest row of each key through it.
CREATE INDEX outbox_key_position ON outbox (aggregate_key, position);

-- +goose Down
DROP TABLE outbox;
