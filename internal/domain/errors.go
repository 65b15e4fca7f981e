// Package domain holds the error kinds every domain package returns, so the
// HTTP edge maps them to status codes in one place.
package domain

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The kinds of failure a caller can act on.
var (
	ErrNotFound  = errors.New("not found")
	ErrConflict  = errors.New("conflict")
	ErrForbidden = errors.New("forbidden")
)

// NotFound names what was not found: errors.Is(err, ErrNotFound) holds.
func NotFound(what string) error { return fmt.Errorf("%s %w", what, ErrNotFound) }

// Conflict explains why the change clashes with the current state.
func Conflict(format string, args ...any) error {
	return &ruleError{kind: ErrConflict, msg: fmt.Sprintf(format, args...)}
}

// Forbidden explains what the actor may not do.
func Forbidden(format string, args ...any) error {
	return &ruleError{kind: ErrForbidden, msg: fmt.Sprintf(format, args...)}
}

type ruleError struct {
	kind error
	msg  string
}

func (e *ruleError) Error() string { return e.msg }
func (e *ruleError) Unwrap() error { return e.kind }

// ValidationError carries one message per invalid field, keyed by the
// field's path in the input ("contact.email").
type ValidationError struct {
	Fields map[string]string
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	for i, k := range slices.Sorted(maps.Keys(e.Fields)) {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(k + ": " + e.Fields[k])
	}
	return b.String()
}

// Invalid is a validation error for one field.
func Invalid(field, message string) error {
	return &ValidationError{Fields: map[string]string{field: message}}
}

// Check collects field errors: add as you validate, then return v.Err().
type Check struct {
	fields map[string]string
}

// Add records message for field unless the field already has one.
func (c *Check) Add(field, message string) {
	if c.fields == nil {
		c.fields = map[string]string{}
	}
	if _, ok := c.fields[field]; !ok {
		c.fields[field] = message
	}
}

// Require records message for field when ok is false.
func (c *Check) Require(ok bool, field, message string) {
	if !ok {
		c.Add(field, message)
	}
}

// Merge takes the fields of a ValidationError under prefix; any other
// error is returned.
func (c *Check) Merge(prefix string, err error) error {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for k, v := range ve.Fields {
		c.Add(prefix+k, v)
	}
	return nil
}

// Err returns nil when no field failed, else a *ValidationError.
func (c *Check) Err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: c.fields}
}
