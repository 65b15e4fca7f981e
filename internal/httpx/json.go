package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// MaxJSONBody bounds a JSON request body; a larger one gets 413.
const MaxJSONBody = 1 << 20

// WriteJSON sends v with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// DecodeJSON reads one JSON object into dst, refusing another content
// type, unknown fields, trailing data and values of the wrong type, each
// with a message that names the field.
func DecodeJSON(r *http.Request, dst any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "send the body as JSON with Content-Type: application/json",
			Fields:  map[string]string{"Content-Type": "must be application/json"}}
	}
	// The caller may have set a tighter limit; this one holds for all.
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, MaxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return NewError(http.StatusBadRequest, "malformed_json", "the body must hold exactly one JSON object")
	}
	return nil
}

func decodeError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	bad := func(msg string, fields map[string]string) *Error {
		return &Error{Status: http.StatusBadRequest, Code: "malformed_json", Message: msg, Fields: fields}
	}
	if limit, ok := tooLarge(err); ok {
		return TooLarge(limit)
	}
	switch {
	case errors.As(err, &syntax):
		return bad(fmt.Sprintf("the body is not valid JSON (at byte %d)", syntax.Offset), nil)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return bad("the body must be a JSON object", nil)
		}
		return bad("a field has the wrong type", map[string]string{field: "must be " + jsonType(typ.Type.String())})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return bad("the body has a field this endpoint does not know", map[string]string{name: "unknown field"})
	case errors.Is(err, io.EOF):
		return bad("the body is empty; send a JSON object", nil)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bad("the body is cut short", nil)
	}
	var ve interface{ FieldError() (string, string) }
	if errors.As(err, &ve) {
		f, m := ve.FieldError()
		return bad("a field has the wrong type", map[string]string{f: m})
	}
	return bad("the body could not be read: "+err.Error(), nil)
}

func jsonType(goType string) string {
	switch {
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "a number"
	case strings.Contains(goType, "string"):
		return "a string"
	case strings.Contains(goType, "bool"):
		return "true or false"
	case strings.HasSuffix(goType, ".ref"), strings.HasSuffix(goType, "Ref"):
		return "an id (number) or a name (string)"
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	}
	return "an object"
}
