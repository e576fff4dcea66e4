package httpadapter

// Header values set on most responses. Assigning a shared slice spares the
// allocation Header.Set makes for a new one. They are safe to share because
// header values are only ever replaced or appended to (which copies a slice
// whose capacity is full), never written in place.
var (
	jsonContentType    = []string{"application/json"}
	problemContentType = []string{"application/problem+json"}
	noSniff            = []string{"nosniff"}
	noStore            = []string{"no-store"}
)
