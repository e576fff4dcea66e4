package domain

import (
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"
)

// Limits of an order. They keep every total far below the int64 range.
const (
	MaxLineItems     = 100
	MaxQuantity      = 10_000
	MaxUnitPrice     = 10_000_000_000 // minor units
	maxSKULength     = 64
	maxCustomerIDLen = 64
)

// OrderID identifies an order.
type OrderID string

// maxOrderIDLength bounds the length of order IDs. The IDGenerator port
// makes them; today's makes 26 characters.
const maxOrderIDLength = 64

// Plausible reports whether id has the shape of an order ID: 1 to 64
// letters, digits, '-' and '_'. No order has any other ID, so a lookup of
// one is answered as not found without asking the store.
func (id OrderID) Plausible() bool {
	if id == "" || len(id) > maxOrderIDLength {
		return false
	}
	for _, c := range []byte(id) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// OrderStatus is where an order is in its lifecycle.
type OrderStatus string

// OrderStatusPending is the status of an order that was placed and awaits
// fulfilment.
const OrderStatusPending OrderStatus = "pending"

// LineItem is one product line of an order. Prices are integers in the minor
// unit of the currency (cents for EUR or USD), never floating point.
type LineItem struct {
	SKU       string
	Quantity  int64
	UnitPrice int64
}

// Subtotal is Quantity × UnitPrice in minor units.
func (li LineItem) Subtotal() int64 {
	return li.Quantity * li.UnitPrice
}

// Order is a customer's order. Create orders with NewOrder, which enforces the
// rules; the zero Order is not valid.
type Order struct {
	ID         OrderID
	CustomerID string
	Items      []LineItem
	Total      int64 // minor units
	Status     OrderStatus
	CreatedAt  time.Time
}

// CreatedAtPrecision is the precision an order's creation time is kept at:
// PostgreSQL stores microseconds, so an order reads back exactly as it was
// created, whichever repository holds it.
const CreatedAtPrecision = time.Microsecond

// NewOrder validates the input and returns a pending order created at now.
// Invalid input yields a *ValidationError listing every offending field.
func NewOrder(id OrderID, customerID string, items []LineItem, now time.Time) (Order, error) {
	if id == "" {
		// IDs come from the ID generator, never from clients: this is a bug.
		return Order{}, errors.New("new order: empty order ID")
	}

	var v ValidationError
	switch {
	case customerID == "":
		v.Add("customer_id", "is required")
	case TextProblem(customerID) != "":
		v.Add("customer_id", TextProblem(customerID))
	case utf8.RuneCountInString(customerID) > maxCustomerIDLen:
		v.Add("customer_id", fmt.Sprintf("must be at most %d characters", maxCustomerIDLen))
	}
	switch {
	case len(items) == 0:
		v.Add("items", "must contain at least one item")
	case len(items) > MaxLineItems:
		v.Add("items", fmt.Sprintf("must contain at most %d items", MaxLineItems))
	}
	seen := make(map[string]bool, len(items))
	for i, item := range items {
		validateLineItem(&v, i, item, seen)
	}
	if err := v.Err(); err != nil {
		return Order{}, err
	}

	order := Order{
		ID:         id,
		CustomerID: customerID,
		Items:      slices.Clone(items),
		Status:     OrderStatusPending,
		CreatedAt:  now.UTC().Truncate(CreatedAtPrecision),
	}
	for _, item := range order.Items {
		order.Total += item.Subtotal()
	}
	return order, nil
}

// validateLineItem checks the item at index i. Field names are built only
// for what fails, so a valid order costs no allocation here.
func validateLineItem(v *ValidationError, i int, item LineItem, seen map[string]bool) {
	field := func(name string) string { return fmt.Sprintf("items[%d].%s", i, name) }
	switch {
	case item.SKU == "":
		v.Add(field("sku"), "is required")
	case TextProblem(item.SKU) != "":
		v.Add(field("sku"), TextProblem(item.SKU))
	case utf8.RuneCountInString(item.SKU) > maxSKULength:
		v.Add(field("sku"), fmt.Sprintf("must be at most %d characters", maxSKULength))
	case seen[item.SKU]:
		v.Add(field("sku"), "appears more than once; combine the lines")
	}
	seen[item.SKU] = true

	if item.Quantity < 1 || item.Quantity > MaxQuantity {
		v.Add(field("quantity"), fmt.Sprintf("must be between 1 and %d", MaxQuantity))
	}
	if item.UnitPrice < 0 || item.UnitPrice > MaxUnitPrice {
		v.Add(field("unit_price"), fmt.Sprintf("must be between 0 and %d", MaxUnitPrice))
	}
}
