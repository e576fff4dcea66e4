package domain

import (
	"encoding/json"
	"fmt"
	"time"
)

// Event is the envelope of every event the service publishes. Consumers
// decode Payload by Type and SchemaVersion; ID is unique per event, so a
// broker or consumer that sees it twice can tell a redelivery from a new
// event; Key names the aggregate the event is about (events of one key keep
// their order where the broker keeps order).
type Event struct {
	ID            string          `json:"id"`
	Type          string          `json:"type"`
	SchemaVersion int             `json:"schema_version"`
	OccurredAt    time.Time       `json:"occurred_at"`
	Key           string          `json:"key"`
	Payload       json.RawMessage `json:"payload"`
}

// NewEvent returns the event of the given type and version with payload
// encoded as JSON. Bump the version of a type when its payload changes in a
// way its consumers cannot read.
func NewEvent(id, eventType string, version int, occurredAt time.Time, key string, payload any) (Event, error) {
	if id == "" || eventType == "" || version < 1 {
		return Event{}, fmt.Errorf("event %q of type %q version %d: %w", id, eventType, version, ErrInvalid)
	}
	data, err := json.Marshal(payload)
	if err != nil {
		return Event{}, fmt.Errorf("encode the payload of %s: %w", eventType, err)
	}
	return Event{
		ID:            id,
		Type:          eventType,
		SchemaVersion: version,
		OccurredAt:    occurredAt.UTC(),
		Key:           key,
		Payload:       data,
	}, nil
}
