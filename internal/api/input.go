package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ref names a thing by id (a JSON number) or by a name, slug or email (a
// JSON string).
type ref string

func (r *ref) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*r = ref(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*r = ref(n.String())
		return nil
	}
	return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[ref]()}
}

// nullableRef tells "absent" (Set false) from null (Value nil).
type nullableRef struct {
	Set   bool
	Value *string
}

func (n *nullableRef) UnmarshalJSON(b []byte) error {
	n.Set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	var r ref
	if err := r.UnmarshalJSON(b); err != nil {
		return err
	}
	s := string(r)
	n.Value = &s
	return nil
}

// pathID reads the {id} path value.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, httpx.NewError(http.StatusNotFound, "not_found", "no such object: the id in the path must be a positive number")
	}
	return id, nil
}

// ticketID reads a ticket's {id} path value: its id, or "#" and its
// number ("#1214", %231214 in the URL), the number people see.
func (a *API) ticketID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	if !strings.HasPrefix(v, "#") {
		return pathID(r)
	}
	n, err := strconv.ParseInt(v[1:], 10, 64)
	if err == nil && n > 0 {
		var id int64
		if id, err = a.S.Tickets.IDOf(r.Context(), n); err == nil || !errors.Is(err, ticket.ErrNotFound) {
			return id, err
		}
	}
	return 0, httpx.NewError(http.StatusNotFound, "not_found", "no ticket with that number")
}

// created answers 201 with v.
func created(w http.ResponseWriter, v any) error {
	httpx.WriteJSON(w, http.StatusCreated, v)
	return nil
}

// ok answers 200 with v.
func ok(w http.ResponseWriter, v any) error {
	httpx.WriteJSON(w, http.StatusOK, v)
	return nil
}

// queryLimit reads the page size: 1 to 200, 50 when absent.
func queryLimit(r *http.Request) (int, error) {
	n, err := queryInt(r, "limit")
	if err != nil || n == nil {
		return 50, err
	}
	if *n < 1 || *n > 200 {
		return 0, domain.Invalid("limit", "must be between 1 and 200")
	}
	return *n, nil
}

// queryInt reads an optional integer query parameter.
func queryInt(r *http.Request, name string) (*int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil, &httpx.Error{Status: http.StatusUnprocessableEntity, Code: "validation",
			Message: name + " must be a whole number", Fields: map[string]string{name: "must be a whole number"}}
	}
	return &n, nil
}
