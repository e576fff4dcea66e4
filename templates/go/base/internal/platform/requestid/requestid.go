// Package requestid carries the ID that correlates everything a request
// causes: its log lines, its error responses, the calls it makes.
package requestid

import "context"

type contextKey struct{}

// idContext is ctx carrying a request ID. It is one allocation per request,
// where context.WithValue makes two: the context and the ID boxed in an
// interface. The ID is kept as a one-element array so that HeaderValues can
// hand it out as a header's values without allocating a slice.
type idContext struct {
	context.Context
	id [1]string
}

// Value answers the ID's key with the idContext itself (a pointer is put in
// an interface without allocating) and every other key as ctx does.
func (c *idContext) Value(key any) any {
	if key == (contextKey{}) {
		return c
	}
	return c.Context.Value(key)
}

// NewContext returns a copy of ctx that carries id.
func NewContext(ctx context.Context, id string) context.Context {
	return &idContext{Context: ctx, id: [1]string{id}}
}

// FromContext returns the request ID in ctx, or "" if there is none.
func FromContext(ctx context.Context) string {
	if c, ok := ctx.Value(contextKey{}).(*idContext); ok {
		return c.id[0]
	}
	return ""
}

// HeaderValues returns the request ID in ctx as the values of a header, to
// echo it in a response: a one-element slice over the context's own array
// (Header.Add, finding no room, copies it before appending). It is nil if
// ctx has no ID.
func HeaderValues(ctx context.Context) []string {
	if c, ok := ctx.Value(contextKey{}).(*idContext); ok {
		return c.id[:]
	}
	return nil
}
