package inbound

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/mail/parse"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// htmlPolicy keeps the structure of a customer's HTML mail and nothing
// that runs or loads: no scripts, styles or forms, and images only from
// the mail's own parts (cid:), so opening a ticket tells no tracker that
// the mail was read.
func htmlPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowURLSchemes("mailto", "http", "https", "cid")
	p.AddTargetBlankToFullyQualifiedLinks(true)
	p.RewriteSrc(func(u *url.URL) {
		if u.Scheme != "cid" {
			*u = url.URL{}
		}
	})
	return p
}

// SanitizeHTML cleans a mail's HTML body for display.
func SanitizeHTML(p *bluemonday.Policy, s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return p.Sanitize(s)
}

// storeAttachments puts every part of m that is not the body into the
// blob store. Blobs are content-addressed, so storing again after a crash
// costs time, not space.
func storeAttachments(store *blob.Store, m *parse.Message) ([]ticket.NewAttachment, error) {
	var out []ticket.NewAttachment
	for i, a := range m.Attachments {
		ref, err := store.PutBytes(a.Data)
		if err != nil {
			return nil, fmt.Errorf("store attachment: %w", err)
		}
		name := a.Filename
		if strings.TrimSpace(name) == "" {
			name = fmt.Sprintf("attachment-%d", i+1)
		}
		out = append(out, ticket.NewAttachment{SHA256: ref.SHA256, Size: ref.Size, Filename: name,
			ContentType: a.ContentType, ContentID: a.ContentID, Inline: a.Inline})
	}
	return out, nil
}

// clip cuts s to at most n bytes on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// addressList renders addresses as a header value.
func addressList(as []parse.Address) string {
	parts := make([]string, 0, len(as))
	for _, a := range as {
		if a.Name != "" {
			parts = append(parts, fmt.Sprintf("%q <%s>", a.Name, a.Address))
		} else {
			parts = append(parts, a.Address)
		}
	}
	return strings.Join(parts, ", ")
}

// splitName makes first and last name from a display name.
func splitName(name string) (first, last string) {
	name = strings.TrimSpace(strings.Trim(name, `"'`))
	if strings.Contains(name, "@") {
		return "", ""
	}
	first, last, _ = strings.Cut(name, " ")
	return first, strings.TrimSpace(last)
}
