// Package httpx holds what every HTTP surface shares: the error type and
// its mapping from domain errors, JSON in and out, and middleware.
package httpx

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/frontdesk/frontdesk/internal/domain"
)

// Error is an error with its HTTP answer. Handlers return it (or a domain
// error, mapped by Map) and the adapter writes and logs it once.
type Error struct {
	Status  int               `json:"-"`
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

func (e *Error) Error() string { return e.Message }

// NewError builds an Error.
func NewError(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// Map turns any error into the answer to send.
func Map(err error) *Error {
	var he *Error
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &he):
		return he
	case errors.As(err, &ve):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "validation",
			Message: "some fields are invalid: " + ve.Error(), Fields: ve.Fields}
	case errors.Is(err, domain.ErrNotFound):
		return NewError(http.StatusNotFound, "not_found", err.Error())
	case errors.Is(err, domain.ErrConflict):
		return NewError(http.StatusConflict, "conflict", err.Error())
	case errors.Is(err, domain.ErrForbidden):
		return NewError(http.StatusForbidden, "forbidden", err.Error())
	}
	return NewError(http.StatusInternalServerError, "internal", "something went wrong on our side; it has been logged")
}

// HandlerFunc is an HTTP handler that returns its error.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// JSONErrors adapts h: an error becomes a JSON error body, and server
// errors are logged.
func JSONErrors(log *slog.Logger, h HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		e := Map(err)
		if e.Status >= 500 {
			log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		WriteJSON(w, e.Status, map[string]*Error{"error": e})
	}
}
