package port

// IDGenerator returns new unique identifiers. Use cases take it as a port so
// tests can predict IDs.
type IDGenerator interface {
	NewID() string
}
