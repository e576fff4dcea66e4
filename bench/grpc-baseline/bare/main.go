// Command bare is the grpc-go server the generated service's GetOrder is measured against: the same
// service and messages (the generated service's own internal/gen, so it is built inside a copy of
// that service by bench/grpc.mjs), one fixed order, no interceptors, no stats handler.
package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/timestamppb"

	ordersv1 "example.com/orders/internal/gen/orders/v1"
)

type server struct {
	ordersv1.UnimplementedOrdersServiceServer
	order *ordersv1.Order
}

func (s *server) GetOrder(_ context.Context, _ *ordersv1.GetOrderRequest) (*ordersv1.GetOrderResponse, error) {
	return &ordersv1.GetOrderResponse{Order: s.order}, nil
}

func main() {
	lis, err := net.Listen("tcp", os.Getenv("GRPC_ADDR"))
	if err != nil {
		log.Fatal(err)
	}
	order := &ordersv1.Order{
		Id:         "0123456789abcdef0123456789abcdef",
		CustomerId: "c-1",
		Items:      []*ordersv1.LineItem{{Sku: "BOOK-1", Quantity: 2, UnitPrice: 1250}},
		Total:      2500,
		Status:     "placed",
		CreatedAt:  timestamppb.New(time.Now()),
	}
	srv := grpc.NewServer()
	ordersv1.RegisterOrdersServiceServer(srv, &server{order: order})
	log.Fatal(srv.Serve(lis))
}
