package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/operator"
)

type ctxKey struct{}

// authenticate lets the request through only with a valid bearer token,
// and puts its operator in the context.
func (a *API) authenticate(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		secret, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		op, err := a.S.Operators.ByToken(r.Context(), strings.TrimSpace(secret))
		if !ok || err != nil {
			if err != nil && !errors.Is(err, operator.ErrBadToken) {
				a.Log.ErrorContext(r.Context(), "token lookup failed", "err", err)
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="frontdesk"`)
			httpx.WriteJSON(w, http.StatusUnauthorized, map[string]*httpx.Error{"error": httpx.NewError(
				http.StatusUnauthorized, "unauthorized", "send a valid API token: Authorization: Bearer <token>")})
			return
		}
		r2 := r.WithContext(context.WithValue(r.Context(), ctxKey{}, op))
		defer httpx.DropCopyForm(r2, r)
		next(w, r2)
	}
}

// actor is the operator behind the request's token.
func actor(r *http.Request) operator.Operator {
	op, _ := r.Context().Value(ctxKey{}).(operator.Operator)
	return op
}

// requireAdmin refuses agents.
func requireAdmin(r *http.Request, what string) error {
	if !actor(r).IsAdmin() {
		return httpx.NewError(http.StatusForbidden, "forbidden", "only an admin can "+what)
	}
	return nil
}

// viewer is the operator whose team limits narrow ticket lists: none
// (0) for an admin, who sees every pipeline.
func viewer(r *http.Request) int64 {
	if op := actor(r); !op.IsAdmin() {
		return op.ID
	}
	return 0
}

// visible answers 404 for a ticket in a pipeline limited to teams the
// operator is not in, as if it were not there.
func (a *API) visible(next httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := a.ticketID(r)
		if err != nil {
			return err
		}
		if v := viewer(r); v != 0 {
			if err := a.S.Tickets.Visible(r.Context(), id, v); err != nil {
				return err
			}
		}
		return next(w, r)
	}
}
