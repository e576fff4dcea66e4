// Package domain holds the business entities, value objects and rules of the
// service. It depends on the standard library only: no transport, storage or
// framework types belong here.
package domain
