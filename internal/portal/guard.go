package portal

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// ticketHandler is a handler for the ticket the URL's token names.
type ticketHandler func(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error

// errGone is the one answer to an unknown, rotated or malformed token, so
// the page says nothing about which it was.
var errGone = httpx.NewError(http.StatusNotFound, "not_found", "")

// withTicket looks the token up within the per-address limit on misses:
// a found ticket gives its attempt back, so only guessing runs out.
func (p *Portal) withTicket(h ticketHandler) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ip := clientIP(r)
		if !p.misses.Allow(r.Context(), ip) {
			return httpx.TooMany(w, app.TokenGuessWindow, "")
		}
		t, err := p.s.Tickets.ByToken(r.Context(), r.PathValue("token"))
		if errors.Is(err, domain.ErrNotFound) {
			return errGone
		}
		if err != nil {
			return err
		}
		p.misses.Refund(r.Context(), ip)
		return h(w, r, t)
	}
}

// clientIP is the peer address; behind a proxy all customers share it,
// and the limit then bounds the proxy as a whole.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// The customer's forms carry a token derived from a random cookie scoped
// to /t/ and from the ticket's token: a page of another site can neither
// read the cookie nor send it along (SameSite), and a form of one ticket
// is no good for another.
const (
	formCookie = "fd_portal"
	formField  = "_form"
)

var errForeignForm = httpx.NewError(http.StatusForbidden, "csrf",
	"This form has expired or did not come from this page. Reload the page and try again.")

// formToken returns the token for t's forms, setting the cookie if needed.
func (p *Portal) formToken(w http.ResponseWriter, r *http.Request, t ticket.Ticket) string {
	c, err := r.Cookie(formCookie)
	if err != nil || len(c.Value) < 32 {
		raw := make([]byte, 32)
		_, _ = rand.Read(raw) // crypto/rand never fails on supported systems
		c = &http.Cookie{Name: formCookie, Value: base64.RawURLEncoding.EncodeToString(raw), Path: "/t/",
			HttpOnly: true, Secure: p.secure, SameSite: http.SameSiteLaxMode}
		http.SetCookie(w, c)
	}
	return formMAC(c.Value, t.PublicToken)
}

func formMAC(cookie, ticketToken string) string {
	mac := hmac.New(sha256.New, []byte(cookie))
	mac.Write([]byte("frontdesk portal form v1\x00" + ticketToken))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// sameSite refuses a post that a browser marks as coming from another
// site, or that lacks the form token of this ticket.
func (p *Portal) sameSite(next ticketHandler) ticketHandler {
	return func(w http.ResponseWriter, r *http.Request, t ticket.Ticket) error {
		c, err := r.Cookie(formCookie)
		if err != nil || !p.fromOurOrigin(r) {
			return errForeignForm // refused before a byte of the files is read
		}
		defer httpx.DropForm(r) // the comment's files are stored or refused by then
		if err := parseForm(r); err != nil {
			return err
		}
		if !hmac.Equal([]byte(r.PostFormValue(formField)), []byte(formMAC(c.Value, t.PublicToken))) {
			return errForeignForm
		}
		return next(w, r, t)
	}
}

// fromOurOrigin checks the ticket page's posts. "null" says nothing
// here, because our no-referrer policy makes browsers send it for our own
// forms; a client that says nothing (curl) still needs the form token and
// its cookie.
func (p *Portal) fromOurOrigin(r *http.Request) bool { return fromOurSite(r, p.origin, true) }

// fromOurSite checks what browsers say about where a post comes from:
// Sec-Fetch-Site decides when sent; without it an Origin must be this
// host or origin (scheme://host of the base URL). nullOK says whether the
// opaque origin "null" passes. No Origin at all passes: such clients are
// not browsers a page of another site can drive, and still need a token.
func fromOurSite(r *http.Request, origin string, nullOK bool) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" {
		return s == "same-origin" || s == "none"
	}
	o := r.Header.Get("Origin")
	if o == "" || (o == "null" && nullOK) {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host) || strings.EqualFold(u.Scheme+"://"+u.Host, origin)
}

// parseForm reads a plain or multipart form; a body past the limit is a
// clear error, not a reset connection.
func parseForm(r *http.Request) error {
	err := r.ParseMultipartForm(formInMemory)
	if errors.Is(err, http.ErrNotMultipart) {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return httpx.NewError(http.StatusRequestEntityTooLarge, "too_large",
			"The files are too large together. Attach at most 5 files of up to 10 MB each.")
	}
	if err != nil {
		return httpx.NewError(http.StatusBadRequest, "bad_form", "The form could not be read. Reload the page and try again.")
	}
	return nil
}
