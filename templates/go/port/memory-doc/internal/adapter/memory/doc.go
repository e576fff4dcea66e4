// Package memory holds in-memory implementations of the ports: the default
// wiring of a new service, and stand-ins until a real adapter replaces them.
package memory
