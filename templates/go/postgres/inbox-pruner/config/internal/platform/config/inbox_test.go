package config

import (
	"strings"
	"testing"
	"time"
)

func TestInboxValidate(t *testing.T) {
	valid := Inbox{Retention: 336 * time.Hour, PruneInterval: time.Hour, PruneBatch: 1000}
	if err := valid.validate(); err != nil {
		t.Fatalf("valid configuration: %v", err)
	}
	tests := []struct {
		name     string
		change   func(*Inbox)
		variable string
	}{
		{"zero retention", func(i *Inbox) { i.Retention = 0 }, "INBOX_RETENTION"},
		{"zero interval", func(i *Inbox) { i.PruneInterval = 0 }, "INBOX_PRUNE_INTERVAL"},
		{"interval above the retention", func(i *Inbox) { i.PruneInterval = 400 * time.Hour }, "INBOX_PRUNE_INTERVAL"},
		{"zero batch", func(i *Inbox) { i.PruneBatch = 0 }, "INBOX_PRUNE_BATCH"},
		{"huge batch", func(i *Inbox) { i.PruneBatch = maxInboxPruneBatch + 1 }, "INBOX_PRUNE_BATCH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := valid
			tt.change(&i)
			if err := i.validate(); err == nil || !strings.Contains(err.Error(), tt.variable) {
				t.Fatalf("err = %v, want one naming %s", err, tt.variable)
			}
		})
	}
}
