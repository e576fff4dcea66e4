// Package memory implements outbound ports in process memory. It is the
// default store of a new service and a reference for other adapters: state is
// lost on restart and not shared between replicas.
package memory
