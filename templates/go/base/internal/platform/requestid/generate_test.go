package requestid

import (
	"strings"
	"testing"
)

func TestNewIsUniqueAndShapedLikeAnID(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		id := New()
		if seen[id] {
			t.Fatalf("New returned %q twice", id)
		}
		seen[id] = true
		prefix, seq, ok := strings.Cut(id, "-")
		if !ok || len(prefix) != 16 || seq == "" || len(id) > 32 {
			t.Fatalf("New() = %q, want a 16-character prefix, a dash and a sequence number", id)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = New()
	}
}
