package redis

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"
)

func TestGoRedisLogsAreJSON(t *testing.T) {
	var out bytes.Buffer
	previous := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&out, nil)))
	t.Cleanup(func() { slog.SetDefault(previous) })

	slogPrinter{}.Printf(t.Context(), "redis: discarding bad PubSub connection: %s", "EOF")

	var line map[string]any
	if err := json.Unmarshal(out.Bytes(), &line); err != nil {
		t.Fatalf("the line is not JSON: %v\n%s", err, out.String())
	}
	if line["level"] != "WARN" || line["detail"] != "redis: discarding bad PubSub connection: EOF" {
		t.Errorf("line = %v, want level WARN and the message of go-redis", line)
	}
}
