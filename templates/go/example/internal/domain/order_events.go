package domain

// OrderPlacedType and OrderPlacedVersion name the event published when an
// order is placed. Bump the version when the payload changes in a way its
// consumers cannot read.
const (
	OrderPlacedType    = "order.placed"
	OrderPlacedVersion = 1
)

// OrderPlaced is the payload of the order.placed event.
type OrderPlaced struct {
	OrderID    OrderID `json:"order_id"`
	CustomerID string  `json:"customer_id"`
	Total      int64   `json:"total"` // minor units
	ItemCount  int     `json:"item_count"`
}

// NewOrderPlaced returns the event of a newly placed order, keyed by the
// order, so its events keep their order.
func NewOrderPlaced(eventID string, order Order) (Event, error) {
	payload := OrderPlaced{OrderID: order.ID, CustomerID: order.CustomerID, Total: order.Total, ItemCount: len(order.Items)}
	return NewEvent(eventID, OrderPlacedType, OrderPlacedVersion, order.CreatedAt, string(order.ID), payload)
}
