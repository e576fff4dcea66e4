package domain

import (
	"strings"
	"unicode/utf8"
)

// TextProblem says what keeps s from being stored as text, or returns "" if
// nothing does. Text must be valid UTF-8 without NUL characters: PostgreSQL
// rejects both, and other stores or logs mangle them. Check every text field
// that comes from a client with it, so that bad text is answered as invalid
// input rather than failing in a store as an unexpected error.
func TextProblem(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "must be valid UTF-8"
	case strings.ContainsRune(s, 0):
		return "must not contain NUL characters"
	}
	return ""
}
