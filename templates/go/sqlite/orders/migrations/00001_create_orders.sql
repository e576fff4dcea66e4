-- +goose Up
-- created_at is RFC 3339 text in UTC with nanoseconds, so it sorts as it reads.
CREATE TABLE orders (
    id          TEXT    PRIMARY KEY,
    customer_id TEXT    NOT NULL,
    total       INTEGER NOT NULL CHECK (total >= 0),
    status      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
) STRICT;

-- The lines of an order, in the order the customer listed them.
CREATE TABLE order_items (
    order_id   TEXT    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    sku        TEXT    NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, position)
) STRICT;

-- +goose Down
DROP TABLE order_items;
DROP TABLE orders;
