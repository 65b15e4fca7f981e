// Package upload is the one policy every uploaded file passes, whoever
// sends it: a customer commenting on the public page, the website form,
// the widget, an operator's composer. A file is checked by its name and
// by its bytes; the type its sender declared is never trusted.
package upload

import (
	"fmt"
	"io"
	"mime/multipart"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Policy bounds what one submission may carry. Only the limits differ
// between surfaces; the checks of each file are the same.
type Policy struct {
	MaxSize  int64 // bytes per file
	MaxFiles int   // files per submission
}

// File is an accepted file: its cleaned name and the type its content
// was found to be. Its bytes stay in the posted form until Store.
type File struct {
	Field       string // the form part it came in
	Name        string
	ContentType string
	Size        int64
	src         *multipart.FileHeader
}

// Refusal is why a file was refused, in words for the person who sent it.
type Refusal struct {
	Name   string // the cleaned name
	Reason string
}

func (r *Refusal) Error() string { return r.Message() }

// Message is the refusal as a sentence naming the file.
func (r *Refusal) Message() string { return fmt.Sprintf("“%s” %s", r.Name, r.Reason) }

// Read checks one posted file: its size, its name and its content.
func (p Policy) Read(field string, fh *multipart.FileHeader) (File, *Refusal) {
	name := ticket.CleanFilename(fh.Filename)
	f, err := fh.Open()
	if err != nil {
		return File{}, &Refusal{name, "could not be read. Please try again."}
	}
	defer f.Close()
	ctype, refused := p.Check(name, f, fh.Size)
	if refused != nil {
		return File{}, refused
	}
	return File{Field: field, Name: name, ContentType: ctype, Size: fh.Size, src: fh}, nil
}

// Check checks a file's name and content (size bytes readable at r) and
// returns the type of its content.
func (p Policy) Check(name string, r io.ReaderAt, size int64) (string, *Refusal) {
	name = ticket.CleanFilename(name)
	if size > p.MaxSize {
		return "", p.tooBig(name)
	}
	head := make([]byte, min(size, 512))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return "", &Refusal{name, "could not be read. Please try again."}
	}
	if isProgram(name, head, r, size) {
		return "", &Refusal{name, "looks like a program or a script, which cannot be accepted."}
	}
	ctype, reason := typeOf(name, head)
	if reason != "" {
		return "", &Refusal{name, reason}
	}
	return ctype, nil
}

func (p Policy) tooBig(name string) *Refusal {
	return &Refusal{name, fmt.Sprintf("is too large: at most %s per file.", httpx.SizeText(p.MaxSize))}
}

// TooMany is the message for a submission over the count.
func (p Policy) TooMany() string {
	return fmt.Sprintf("Attach at most %d files at once.", p.MaxFiles)
}
