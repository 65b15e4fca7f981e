package portal

import (
	"errors"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/brand"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// Ratings per client address, earned back over the window: a customer
// clicks a few times; a script trying tokens or flipping ratings stops.
const (
	ratingBurst  = 20
	ratingWindow = 10 * time.Minute
)

// RatingView is the public rating page of a ticket.
type RatingView struct {
	Number        int64
	Subject, Team string
	Action        string // the page's own address, where the form posts
	Faces         []RatingFace
	Rating        string // recorded, if any
	Comment       string
	Saved         bool
	Error         string // why a rating or comment was refused
	CommentError  string
	Brand         brand.Brand
}

// RatingFace is one choice of the form.
type RatingFace struct {
	Value, Label string
	Checked      bool
}

// ratingShow records the face a link of the closed mail names (?r=...),
// with one click, and shows the page to add a comment or change it. The
// same click again changes nothing.
func (p *Portal) ratingShow(w http.ResponseWriter, r *http.Request) error {
	t, err := p.ratingTicket(r)
	if err != nil {
		return err
	}
	v := p.ratingView(r, t)
	if face := r.URL.Query().Get("r"); face != "" {
		return p.rate(w, r, t, v, face, "")
	}
	rec, ok, err := p.s.Reports.TicketRatingOf(r.Context(), t.ID)
	if err != nil {
		return err
	}
	if ok {
		v.Rating, v.Comment = rec.Rating, rec.Comment
		v.Saved = r.URL.Query().Get("done") != ""
	}
	v.check()
	return p.pages.page(w, http.StatusOK, "portal_rating.html", v)
}

// ratingSave takes the form: a face and an optional comment.
func (p *Portal) ratingSave(w http.ResponseWriter, r *http.Request) error {
	if !p.fromOurOrigin(r) {
		return errForeignForm
	}
	t, err := p.ratingTicket(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	return p.rate(w, r, t, p.ratingView(r, t), r.PostFormValue("rating"), r.PostFormValue("comment"))
}

func (p *Portal) rate(w http.ResponseWriter, r *http.Request, t ticket.Ticket, v RatingView, face, comment string) error {
	if !p.ratings.Allow(r.Context(), "addr:"+clientIP(r)) {
		return httpx.TooMany(w, ratingWindow/ratingBurst, "too many ratings from here; wait a few minutes")
	}
	rec, err := p.s.Reports.RateTicket(r.Context(), t.ID, face, comment, time.Now())
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v.Rating, v.Comment = face, comment
		v.Error, v.CommentError = ve.Fields["rating"], ve.Fields["comment"]
		v.check()
		return p.pages.page(w, http.StatusUnprocessableEntity, "portal_rating.html", v)
	}
	if err != nil {
		return err
	}
	if r.Method == http.MethodPost {
		http.Redirect(w, r, v.Action+"?done=1", http.StatusSeeOther)
		return nil
	}
	v.Rating, v.Comment, v.Saved = rec.Rating, rec.Comment, true
	v.check()
	return p.pages.page(w, http.StatusOK, "portal_rating.html", v)
}

// ratingTicket finds the ticket a rating token names and checks its
// signature, within the same budget of misses per address as every other
// token.
func (p *Portal) ratingTicket(r *http.Request) (ticket.Ticket, error) {
	ip := clientIP(r)
	if !p.misses.Allow(r.Context(), ip) {
		return ticket.Ticket{}, httpx.NewError(http.StatusTooManyRequests, "rate_limited", "too many requests; wait a minute")
	}
	token := r.PathValue("token")
	id, ok := ticket.RatingTicketID(token)
	if !ok {
		return ticket.Ticket{}, errGone
	}
	t, err := p.s.Tickets.Get(r.Context(), id)
	if errors.Is(err, domain.ErrNotFound) || err == nil && !ticket.RatingTokenValid(token, t.ID, t.PublicToken) {
		return ticket.Ticket{}, errGone
	}
	if err != nil {
		return ticket.Ticket{}, err
	}
	p.misses.Refund(r.Context(), ip)
	return t, nil
}

func (p *Portal) ratingView(r *http.Request, t ticket.Ticket) RatingView {
	v := RatingView{Number: t.Number, Subject: t.Subject, Team: t.Team.Name, Action: "/rate/" + r.PathValue("token")}
	v.Brand, _ = p.s.Brand.Get(r.Context())
	return v
}

// check marks the recorded (or chosen) face.
func (v *RatingView) check() {
	v.Faces = nil
	for _, f := range [][2]string{{"satisfied", "Satisfied"}, {"okay", "Okay"}, {"dissatisfied", "Dissatisfied"}} {
		v.Faces = append(v.Faces, RatingFace{Value: f[0], Label: f[1], Checked: v.Rating == f[0]})
	}
}
