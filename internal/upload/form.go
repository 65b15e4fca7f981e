package upload

import (
	"mime/multipart"
	"strings"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Form reads the files posted under each of parts, in order. A refused
// file is a message under its part's name, naming the file, so the whole
// submission is refused and the sender told why: nothing is dropped
// quietly. An empty file input (no name, no bytes) is no file.
func (p Policy) Form(mf *multipart.Form, parts ...string) ([]File, map[string]string) {
	var out []File
	errs := map[string]string{}
	if mf == nil {
		return nil, errs
	}
	count := 0
	for _, part := range parts {
		var msgs []string
		for _, fh := range mf.File[part] {
			if fh.Filename == "" && fh.Size == 0 {
				continue
			}
			if count++; count > p.MaxFiles {
				errs[part] = p.TooMany()
				return nil, errs
			}
			f, refused := p.Read(part, fh)
			if refused != nil {
				msgs = append(msgs, refused.Message())
				continue
			}
			out = append(out, f)
		}
		if len(msgs) > 0 {
			errs[part] = strings.Join(msgs, " ")
		}
	}
	return out, errs
}

// Store puts accepted files in the blob store, as a message's
// attachments with the type their content was found to be.
func (p Policy) Store(bs *blob.Store, files []File) ([]ticket.NewAttachment, error) {
	var out []ticket.NewAttachment
	for _, f := range files {
		ref, err := put(bs, f, p.MaxSize)
		if err != nil {
			return nil, err
		}
		out = append(out, ticket.NewAttachment{SHA256: ref.SHA256, Size: ref.Size, Filename: f.Name,
			ContentType: f.ContentType})
	}
	return out, nil
}

func put(bs *blob.Store, f File, max int64) (blob.Ref, error) {
	r, err := f.src.Open()
	if err != nil {
		return blob.Ref{}, err
	}
	defer r.Close()
	return bs.Put(r, max)
}
