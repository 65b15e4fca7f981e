package ui

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/mail/outbound"
)

// previewPolicy lets a mail's own inline styles and images show, and
// nothing else: no script, no forms, no loads from elsewhere. The preview
// is its own document because a srcdoc frame would inherit the app's
// policy, which blocks the styles every mail carries.
const previewPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
	"frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox"

// settingsTeamMailPreview answers the HTML of one mail template filled
// with sample values, for the frame on the mail settings page: the
// template as typed (subject and body in the address), else as saved.
func (u *UI) settingsTeamMailPreview(w http.ResponseWriter, r *http.Request) error {
	t, err := u.pathTeam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	kind := outbound.Kind(q.Get("kind"))
	if !slices.Contains(outbound.Kinds, kind) {
		return httpx.NewError(http.StatusNotFound, "not_found", "There is no such mail.")
	}
	tpl := outbound.Template{Kind: kind, Subject: q.Get("subject"), Body: q.Get("body")}
	if !q.Has("body") {
		saved, err := u.s.Outbox.Templates(r.Context(), t.ID)
		if err != nil {
			return err
		}
		tpl = saved[slices.IndexFunc(saved, func(s outbound.Template) bool { return s.Kind == kind })]
	}
	vals := sampleValues
	vals.TeamName = t.Name
	out, err := tpl.Render(vals)
	if err != nil {
		return httpx.NewError(http.StatusUnprocessableEntity, "invalid", "The template has errors: "+err.Error())
	}
	h := w.Header()
	h.Set("Content-Security-Policy", previewPolicy)
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Content-Type", "text/html; charset=utf-8")
	_, err = w.Write([]byte(out.HTML))
	return err
}

// PreviewURL is the address of the frame showing b's HTML as typed.
func (v TeamMailView) PreviewURL(b MailBlock) string {
	q := url.Values{"kind": {string(b.Kind)}, "subject": {b.Subject}, "body": {b.Body}}
	return v.Action() + "/preview?" + q.Encode()
}
