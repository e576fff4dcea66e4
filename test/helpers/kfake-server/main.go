// kfake-server runs franz-go's in-process Kafka (kfake) as a process of its
// own, for the e2e tests that run a generated service's binary against a
// broker. There is no Kafka server on the test machine.
//
// It listens for Kafka clients on -port, and answers on -control, over HTTP:
//
//	POST /down      an outage: every request drops its connection, as a broker
//	                that went away does; the log and the group offsets stay
//	POST /up        the end of the outage
//	GET  /records   ?topic=T: every record of T, as JSON
//	GET  /lag       ?group=G&topic=T: the group's lag on T, summed
//	POST /produce   a record, {topic, key, value, headers}, as a foreign producer
//
// It prints "ready" on stdout once both listen, and stops on SIGTERM.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

var errOutage = errors.New("kfake-server: outage")

func main() {
	port := flag.Int("port", 0, "the Kafka port")
	control := flag.String("control", "127.0.0.1:0", "the control address")
	flag.Parse()
	if err := run(*port, *control); err != nil {
		log.Fatal(err)
	}
}

func run(port int, controlAddr string) error {
	cluster, err := kfake.NewCluster(kfake.Ports(port), kfake.AllowAutoTopicCreation())
	if err != nil {
		return fmt.Errorf("start kfake: %w", err)
	}
	defer cluster.Close()
	var down atomic.Bool
	cluster.Control(func(kmsg.Request) (kmsg.Response, error, bool) {
		cluster.KeepControl()
		if down.Load() {
			return nil, errOutage, true
		}
		return nil, nil, false
	})

	client, err := kgo.NewClient(kgo.SeedBrokers(cluster.ListenAddrs()...), kgo.AllowAutoTopicCreation())
	if err != nil {
		return fmt.Errorf("client: %w", err)
	}
	defer client.Close()
	listener, err := net.Listen("tcp", controlAddr)
	if err != nil {
		return fmt.Errorf("control listener: %w", err)
	}
	srv := &http.Server{Handler: routes(&down, client), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(listener) }()
	fmt.Printf("ready kafka=%s control=%s\n", cluster.ListenAddrs()[0], listener.Addr())

	stop, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer cancel()
	<-stop.Done()
	ctx, cancelShutdown := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancelShutdown()
	return srv.Shutdown(ctx)
}

func routes(down *atomic.Bool, client *kgo.Client) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /down", func(w http.ResponseWriter, _ *http.Request) { down.Store(true); w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("POST /up", func(w http.ResponseWriter, _ *http.Request) { down.Store(false); w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /records", func(w http.ResponseWriter, r *http.Request) {
		records, err := readAll(r.Context(), client, r.URL.Query().Get("topic"))
		answer(w, records, err)
	})
	mux.HandleFunc("GET /lag", func(w http.ResponseWriter, r *http.Request) {
		lag, err := groupLag(r.Context(), client, r.URL.Query().Get("group"), r.URL.Query().Get("topic"))
		answer(w, map[string]int64{"lag": lag}, err)
	})
	mux.HandleFunc("POST /produce", func(w http.ResponseWriter, r *http.Request) {
		var in record
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		rec := &kgo.Record{Topic: in.Topic, Key: []byte(in.Key), Value: []byte(in.Value)}
		for key, value := range in.Headers {
			rec.Headers = append(rec.Headers, kgo.RecordHeader{Key: key, Value: []byte(value)})
		}
		answer(w, map[string]string{}, client.ProduceSync(r.Context(), rec).FirstErr())
	})
	return mux
}

func answer(w http.ResponseWriter, v any, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

type record struct {
	Topic     string            `json:"topic"`
	Partition int32             `json:"partition"`
	Offset    int64             `json:"offset"`
	Key       string            `json:"key"`
	Value     string            `json:"value"`
	Headers   map[string]string `json:"headers"`
}

// readAll reads topic from its start to the end offsets it has now, with a
// client of its own, outside any group.
func readAll(ctx context.Context, client *kgo.Client, topic string) ([]record, error) {
	ends, err := kadm.NewClient(client).ListEndOffsets(ctx, topic)
	if err != nil {
		return nil, fmt.Errorf("end offsets of %s: %w", topic, err)
	}
	remaining := 0
	ends.Each(func(o kadm.ListedOffset) { remaining += int(o.Offset) })
	records := []record{}
	if remaining == 0 {
		return records, nil
	}
	reader, err := kgo.NewClient(kgo.SeedBrokers(client.OptValue(kgo.SeedBrokers).([]string)...), kgo.ConsumeTopics(topic), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		return nil, err
	}
	defer reader.Close()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for len(records) < remaining {
		fetches := reader.PollFetches(ctx)
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %d of %d records: %w", topic, len(records), remaining, err)
		}
		fetches.EachRecord(func(r *kgo.Record) {
			headers := map[string]string{}
			for _, h := range r.Headers {
				headers[h.Key] = string(h.Value)
			}
			records = append(records, record{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset, Key: string(r.Key), Value: string(r.Value), Headers: headers})
		})
	}
	return records, nil
}

// groupLag is what group has not committed on topic yet, over its partitions.
func groupLag(ctx context.Context, client *kgo.Client, group, topic string) (int64, error) {
	lags, err := kadm.NewClient(client).Lag(ctx, group)
	if err != nil {
		return 0, err
	}
	described, ok := lags[group]
	if !ok {
		return 0, fmt.Errorf("no group %s", group)
	}
	if described.Error() != nil {
		return 0, described.Error()
	}
	var total int64
	for _, partition := range described.Lag[topic] {
		total += partition.Lag
	}
	return total, nil
}
