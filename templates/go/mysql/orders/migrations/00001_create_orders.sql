-- +goose Up
-- Text is utf8mb4 (every Unicode character, emoji included) and compares
-- byte for byte (utf8mb4_bin), as the domain does: IDs differing in case are
-- different IDs.
CREATE TABLE orders (
    id          VARCHAR(64) NOT NULL PRIMARY KEY,
    customer_id VARCHAR(64) NOT NULL,
    total       BIGINT      NOT NULL CHECK (total >= 0),
    status      VARCHAR(32) NOT NULL,
    created_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The lines of an order, in the order the customer listed them.
CREATE TABLE order_items (
    order_id   VARCHAR(64) NOT NULL,
    position   INT         NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    quantity   BIGINT      NOT NULL CHECK (quantity > 0),
    unit_price BIGINT      NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, position),
    CONSTRAINT order_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- +goose Down
DROP TABLE order_items;
DROP TABLE orders;
