package portal

import (
	"mime/multipart"

	"github.com/frontdesk/frontdesk/internal/form"
	"github.com/frontdesk/frontdesk/internal/ticket"
	"github.com/frontdesk/frontdesk/internal/upload"
)

// customerFiles is what a customer may attach to one submission, on the
// public ticket page, the website form and the widget alike; the checks
// of each file are the operator's too (internal/upload).
var customerFiles = upload.Policy{MaxSize: MaxFileSize, MaxFiles: MaxFiles}

// fileAnswers names the file sent for each file field, so a required
// file field counts as answered. The name is cleaned as the file will be
// stored: the answer's text check is for what a person typed, and would
// refuse a name with a tab in it as "please type it again".
func fileAnswers(mf *multipart.Form, fields []form.Field, a form.Answers) {
	for _, fl := range fields {
		if fl.Type != form.File {
			continue
		}
		delete(a, fl.Name)
		if mf != nil && len(mf.File[fl.Name]) > 0 && mf.File[fl.Name][0].Filename != "" {
			a[fl.Name] = ticket.CleanFilename(mf.File[fl.Name][0].Filename)
		}
	}
}
