package portal

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/domain"
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

// widgetUploads reads the files of a multipart post under the part name
// only ("": every part), with the website form's limits and type
// checks; a bad file is a message under its part's name.
func widgetUploads(r *http.Request, only string) ([]upload, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var out []upload
	errs := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(r.MultipartForm.File)) {
		if only != "" && name != only {
			continue
		}
		for _, fh := range r.MultipartForm.File[name] {
			if fh.Filename == "" && fh.Size == 0 {
				continue // an empty file input
			}
			u, msg := readFile(name, fh)
			if msg != "" {
				errs[name] = msg
				continue
			}
			out = append(out, u)
		}
	}
	if len(errs) > 0 {
		return nil, &domain.ValidationError{Fields: errs}
	}
	if len(out) > MaxFiles {
		return nil, domain.Invalid(firstNonEmpty(only, "files"), fmt.Sprintf("Attach at most %d files.", MaxFiles))
	}
	return out, nil
}

// storeUploads puts checked files in the blob store, as a message's
// attachments.
func storeUploads(bs *blob.Store, us []upload) ([]ticket.NewAttachment, error) {
	var out []ticket.NewAttachment
	for _, u := range us {
		ref, err := bs.PutBytes(u.body)
		if err != nil {
			return nil, err
		}
		out = append(out, ticket.NewAttachment{SHA256: ref.SHA256, Size: ref.Size, Filename: u.name, ContentType: u.ctype})
	}
	return out, nil
}
