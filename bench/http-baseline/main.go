// Command http-baseline is the bare net/http server the generated service is measured
// against: the same /healthz answer, no middleware.
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
	})
	srv := &http.Server{Addr: os.Getenv("HTTP_ADDR"), Handler: mux}
	log.Fatal(srv.ListenAndServe())
}
