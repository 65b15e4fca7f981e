package outbound

import (
	"context"
	"html"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/brand"
)

// BrandReader reads the install's brand.
type BrandReader interface {
	Get(ctx context.Context) (brand.Brand, error)
}

// branded puts the brand's logo and name, over a line in its colour, at
// the top of a customer's mail. A mail goes out without it rather than not
// at all when the brand cannot be read.
func (s *Service) branded(ctx context.Context, htm string) string {
	if s.Brand == nil {
		return htm
	}
	b, err := s.Brand.Get(ctx)
	if err != nil || (b.Name == "" && !b.HasLogo()) {
		return htm
	}
	color := b.Color // #rrggbb, checked when saved
	if color == "" {
		color = "#2452c7"
	}
	head := `<div style="border-top: 4px solid ` + color + `; padding: 12px 0; margin-bottom: 16px">`
	if b.HasLogo() {
		src := strings.TrimRight(s.BaseURL, "/") + "/brand/logo?v=" + strconv.FormatInt(b.Version(), 10)
		head += `<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(b.Name) + `" style="max-height: 40px; vertical-align: middle"> `
	}
	if b.Name != "" {
		head += `<strong style="font-size: 17px; vertical-align: middle">` + html.EscapeString(b.Name) + `</strong>`
	}
	head += `</div>`
	i := strings.Index(htm, "<body")
	if i < 0 {
		return head + htm
	}
	j := strings.IndexByte(htm[i:], '>')
	return htm[:i+j+1] + head + htm[i+j+1:]
}
