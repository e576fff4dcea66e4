// Package migrations holds the SQL migrations of the database, embedded into
// the binary. Add a change as the next numbered file, such as
// 00003_add_order_notes.sql, with -- +goose Up and -- +goose Down sections;
// never edit a migration that has been applied somewhere.
package migrations

import "embed"

// FS holds every migration.
//
//go:embed *.sql
var FS embed.FS
