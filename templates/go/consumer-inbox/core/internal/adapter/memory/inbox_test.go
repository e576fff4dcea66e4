package memory

import (
	"context"
	"errors"
	"testing"
)

func mark(ctx context.Context, t *testing.T, inbox *Inbox, consumer, id string) bool {
	t.Helper()
	first, err := inbox.MarkProcessed(ctx, consumer, id)
	if err != nil {
		t.Fatalf("MarkProcessed(%s, %s): %v", consumer, id, err)
	}
	return first
}

func TestInboxMarksEachMessageOncePerConsumer(t *testing.T) {
	inbox := NewInbox(10)
	ctx := t.Context()
	if !mark(ctx, t, inbox, "a", "m-1") {
		t.Fatal("first mark of m-1 is not first")
	}
	if mark(ctx, t, inbox, "a", "m-1") {
		t.Fatal("second mark of m-1 is first: a repeat would run its handler again")
	}
	if !mark(ctx, t, inbox, "b", "m-1") {
		t.Fatal("another consumer's first mark of m-1 is not first")
	}
}

func TestInboxForgetsTheOldestWhenFull(t *testing.T) {
	inbox := NewInbox(2)
	ctx := t.Context()
	for _, id := range []string{"m-1", "m-2", "m-3"} {
		mark(ctx, t, inbox, "a", id)
	}
	if !mark(ctx, t, inbox, "a", "m-1") {
		t.Fatal("m-1 is still remembered beyond the inbox's size")
	}
	if mark(ctx, t, inbox, "a", "m-3") {
		t.Fatal("m-3, among the newest, was forgotten")
	}
	if len(inbox.slots) != 2 {
		t.Fatalf("the inbox holds %d messages, want its size 2", len(inbox.slots))
	}
}

func TestInboxForgetsWhatAFailedUnitOfWorkMarked(t *testing.T) {
	inbox := NewInbox(10)
	ctx := t.Context()
	boom := errors.New("boom")
	err := inbox.WithinTx(ctx, func(ctx context.Context) error {
		if !mark(ctx, t, inbox, "a", "m-1") {
			t.Fatal("first mark is not first")
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WithinTx = %v, want %v", err, boom)
	}
	ran := false
	err = inbox.WithinTx(ctx, func(ctx context.Context) error {
		ran = mark(ctx, t, inbox, "a", "m-1")
		return nil
	})
	if err != nil || !ran {
		t.Fatalf("the retry after a failure: first %v, err %v; want the handler to run again", ran, err)
	}
	if mark(ctx, t, inbox, "a", "m-1") {
		t.Fatal("a committed mark was forgotten")
	}
}
