-- +goose Up
-- The events each consumer has processed. A consumer inserts the event's row
-- in the transaction of its handler's writes, so a redelivered event finds it
-- and is acknowledged without running the handler again.
CREATE TABLE processed_messages (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

-- +goose Down
DROP TABLE processed_messages;
