package requestid

import (
	"context"
	"testing"
	"time"
)

func TestContextCarriesTheIDAndEverythingElse(t *testing.T) {
	type otherKey struct{}
	parent, cancel := context.WithCancel(context.WithValue(t.Context(), otherKey{}, "other"))
	defer cancel()
	ctx := NewContext(parent, "req-1")

	if got := FromContext(ctx); got != "req-1" {
		t.Errorf("FromContext = %q, want req-1", got)
	}
	if got := FromContext(parent); got != "" {
		t.Errorf("FromContext of a context without ID = %q, want empty", got)
	}
	if got := ctx.Value(otherKey{}); got != "other" {
		t.Errorf("Value(otherKey) = %v, want the parent's value", got)
	}

	child, stop := context.WithCancel(ctx)
	defer stop()
	cancel()
	select {
	case <-child.Done():
	case <-time.After(time.Second):
		t.Fatal("a context derived from the ID's was not cancelled with its parent")
	}
}

func TestHeaderValuesAreTheIDWithoutAllocating(t *testing.T) {
	ctx := NewContext(t.Context(), "req-1")
	if values := HeaderValues(ctx); len(values) != 1 || values[0] != "req-1" {
		t.Fatalf("HeaderValues = %q, want [req-1]", values)
	}
	if got := HeaderValues(t.Context()); got != nil {
		t.Errorf("HeaderValues of a context without ID = %q, want nil", got)
	}
	if allocs := testing.AllocsPerRun(100, func() { _ = HeaderValues(ctx) }); allocs != 0 {
		t.Errorf("HeaderValues allocates %v times, want 0", allocs)
	}
}

func BenchmarkNewContext(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = FromContext(NewContext(b.Context(), "req-1"))
	}
}
