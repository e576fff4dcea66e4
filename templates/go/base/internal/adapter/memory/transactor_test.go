package memory

import (
	"context"
	"errors"
	"testing"
)

type ctxKey struct{}

func TestTransactorPassesContextAndError(t *testing.T) {
	ctx := context.WithValue(t.Context(), ctxKey{}, "v")
	want := errors.New("boom")
	var seen any
	err := Transactor{}.WithinTx(ctx, func(ctx context.Context) error {
		seen = ctx.Value(ctxKey{})
		return want
	})
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
	if seen != "v" {
		t.Fatalf("fn saw ctx value %v, want the caller's context", seen)
	}
}
