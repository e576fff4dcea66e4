package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"
)

// eventually polls cond until it holds, for up to 5 seconds.
func eventually(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// logStream is the program's stdout: it keeps the JSON log lines and
// reports the address the server listens on.
type logStream struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	addr    chan string
	addrSet bool
}

func newLogStream() *logStream { return &logStream{addr: make(chan string, 1)} }

func (s *logStream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.addrSet {
		var line struct {
			Msg  string `json:"msg"`
			Addr string `json:"addr"`
		}
		if json.Unmarshal(p, &line) == nil && line.Msg == "http server listening" {
			s.addr <- line.Addr
			s.addrSet = true
		}
	}
	return s.buf.Write(p)
}

// waitUntilServing waits up to 30s for url to answer 200, and fails with
// the program's error if it exits before that.
func waitUntilServing(t *testing.T, url string, exited <-chan error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, http.NoBody)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		// A start that fails closes the listener first, then returns.
		select {
		case exitErr := <-exited:
			t.Fatalf("run exited before serving: %v", exitErr)
		case <-time.After(5 * time.Second):
			t.Fatalf("GET %s: %v", url, err)
		}
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d, want 200", url, resp.StatusCode)
	}
}

// waitForAddr returns the listening address once the server logs it.
func (s *logStream) waitForAddr(t *testing.T, exited <-chan error) string {
	t.Helper()
	select {
	case addr := <-s.addr:
		return addr
	case err := <-exited:
		t.Fatalf("run exited before listening: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("server did not log its address within 5s")
	}
	return ""
}

// lines returns the log lines whose msg is msg.
func (s *logStream) lines(t *testing.T, msg string) []map[string]any {
	t.Helper()
	s.mu.Lock()
	data := bytes.Clone(s.buf.Bytes())
	s.mu.Unlock()

	var lines []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("stdout line %q is not JSON: %v", sc.Text(), err)
		}
		if line["msg"] == msg {
			lines = append(lines, line)
		}
	}
	return lines
}
