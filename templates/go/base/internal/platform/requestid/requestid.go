// Package requestid carries the ID that correlates everything a request
// causes: its log lines, its error responses, the calls it makes.
package requestid

import "context"

type contextKey struct{}

// NewContext returns a copy of ctx that carries id.
func NewContext(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, contextKey{}, id)
}

// FromContext returns the request ID in ctx, or "" if there is none.
func FromContext(ctx context.Context) string {
	id, _ := ctx.Value(contextKey{}).(string)
	return id
}
