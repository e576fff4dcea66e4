// Package port declares the interfaces the use cases need from the outside
// world: storage, clocks, other services. One file per port; adapters in
// internal/adapter implement them.
//
// Keep ports narrow and phrased in domain terms. They may import
// internal/domain and the standard library, nothing else.
package port
