-- +goose Up
CREATE TABLE orders (
    id          text        PRIMARY KEY,
    customer_id text        NOT NULL,
    total       bigint      NOT NULL CHECK (total >= 0),
    status      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The lines of an order, in the order the customer listed them.
CREATE TABLE order_items (
    order_id   text    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    sku        text    NOT NULL,
    quantity   bigint  NOT NULL CHECK (quantity > 0),
    unit_price bigint  NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, position)
);

-- +goose Down
DROP TABLE order_items;
DROP TABLE orders;
