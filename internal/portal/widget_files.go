package portal

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// widgetFile is a file of a public message, fetched through the public
// ticket page's route, which serves only public messages' files.
type widgetFile struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
	Path string `json:"path"` // under the desk's base URL
}

func widgetFiles(token string, as []ticket.Attachment) []widgetFile {
	var out []widgetFile
	for _, a := range as {
		out = append(out, widgetFile{Name: a.Filename, Size: a.Size,
			Path: "/t/" + token + "/files/" + strconv.FormatInt(a.ID, 10)})
	}
	return out
}

func isMultipart(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}

// decodeWidget reads a widget post: JSON, or multipart/form-data with the
// same JSON in a "payload" value and files beside it.
func decodeWidget(r *http.Request, dst any) error {
	if !isMultipart(r) {
		return httpx.DecodeJSON(r, dst)
	}
	if err := r.ParseMultipartForm(formInMemory); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return httpx.NewError(http.StatusRequestEntityTooLarge, "too_large",
				fmt.Sprintf("What you sent is too large. Files may be at most %s each.", size(MaxFileSize)))
		}
		return httpx.NewError(http.StatusBadRequest, "malformed_form", "the body is not a readable multipart form")
	}
	var payload string
	if vs := r.MultipartForm.Value["payload"]; len(vs) > 0 {
		payload = vs[0]
	}
	dec := json.NewDecoder(strings.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return httpx.NewError(http.StatusBadRequest, "malformed_json", "the payload part must hold one JSON object")
	}
	return nil
}
