-- +goose Up
-- The inbox pruner deletes the rows older than INBOX_RETENTION, a batch at a
-- time; this index finds them without scanning the table.
CREATE INDEX processed_messages_processed_at ON processed_messages (processed_at);

-- +goose Down
DROP INDEX processed_messages_processed_at;
