// Command load calls GetOrder from -c goroutines over -conns connections for -d and prints the
// completed calls per second; with -create it places one order and prints its id instead.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	ordersv1 "example.com/orders/internal/gen/orders/v1"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:50051", "server address")
	id := flag.String("id", "", "order to fetch")
	create := flag.Bool("create", false, "place one order and print its id")
	workers := flag.Int("c", 64, "concurrent callers")
	conns := flag.Int("conns", 2, "connections the callers share")
	duration := flag.Duration("d", 5*time.Second, "how long to call")
	flag.Parse()

	clients := make([]ordersv1.OrdersServiceClient, *conns)
	for i := range clients {
		conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
		clients[i] = ordersv1.NewOrdersServiceClient(conn)
	}
	ctx := context.Background()
	if *create {
		resp, err := clients[0].CreateOrder(ctx, &ordersv1.CreateOrderRequest{CustomerId: "c-1", Items: []*ordersv1.LineItem{{Sku: "BOOK-1", Quantity: 2, UnitPrice: 1250}}})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(resp.GetOrder().GetId())
		return
	}
	req := &ordersv1.GetOrderRequest{Id: *id}
	// Every connection warm and every call path taken once before the clock starts.
	for _, client := range clients {
		if _, err := client.GetOrder(ctx, req); err != nil {
			log.Fatal(err)
		}
	}
	var calls, failures atomic.Int64
	start := time.Now()
	deadline := start.Add(*duration)
	var wg sync.WaitGroup
	for w := range *workers {
		client := clients[w%len(clients)]
		wg.Go(func() {
			for time.Now().Before(deadline) {
				if _, err := client.GetOrder(ctx, req); err != nil {
					failures.Add(1)
					continue
				}
				calls.Add(1)
			}
		})
	}
	wg.Wait()
	if failures.Load() > 0 {
		log.Fatalf("%d calls failed", failures.Load())
	}
	fmt.Printf("%.0f\n", float64(calls.Load())/time.Since(start).Seconds())
}
