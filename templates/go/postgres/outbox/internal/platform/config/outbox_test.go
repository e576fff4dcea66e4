package config

import (
	"strings"
	"testing"
	"time"
)

func TestOutboxValidate(t *testing.T) {
	valid := Outbox{BatchSize: 100, PollInterval: 100 * time.Millisecond, MaxBackoff: 30 * time.Second}
	if err := valid.validate(); err != nil {
		t.Fatalf("valid configuration: %v", err)
	}
	tests := []struct {
		name     string
		change   func(*Outbox)
		variable string
	}{
		{"zero batch", func(o *Outbox) { o.BatchSize = 0 }, "OUTBOX_BATCH_SIZE"},
		{"huge batch", func(o *Outbox) { o.BatchSize = maxOutboxBatch + 1 }, "OUTBOX_BATCH_SIZE"},
		{"zero poll interval", func(o *Outbox) { o.PollInterval = 0 }, "OUTBOX_POLL_INTERVAL"},
		{"backoff below the poll interval", func(o *Outbox) { o.MaxBackoff = 10 * time.Millisecond }, "OUTBOX_MAX_BACKOFF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid
			tt.change(&o)
			if err := o.validate(); err == nil || !strings.Contains(err.Error(), tt.variable) {
				t.Fatalf("err = %v, want one naming %s", err, tt.variable)
			}
		})
	}
}
