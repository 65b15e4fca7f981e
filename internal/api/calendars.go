package api

import (
	"net/http"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// calendarBody creates or changes a calendar. On a change, a field left
// out keeps its value, and so does a weekday left out of hours.
type calendarBody struct {
	Name       *string                    `json:"name"`
	TimeZone   *string                    `json:"time_zone"`
	Hours      map[string][][]string      `json:"hours"`
	Exceptions *[]calendar.ExceptionInput `json:"exceptions"`
}

func (b calendarBody) over(in calendar.Input) calendar.Input {
	if b.Name != nil {
		in.Name = *b.Name
	}
	if b.TimeZone != nil {
		in.TimeZone = *b.TimeZone
	}
	if in.Hours == nil {
		in.Hours = map[string][][]string{}
	}
	for day, ranges := range b.Hours {
		in.Hours[day] = ranges
	}
	if b.Exceptions != nil {
		in.Exceptions = *b.Exceptions
	}
	return in
}

func (a *API) listCalendars(w http.ResponseWriter, r *http.Request) error {
	all, err := a.S.Calendars.List(r.Context())
	if err != nil {
		return err
	}
	return ok(w, map[string]any{"items": all})
}

func (a *API) getCalendar(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := a.S.Calendars.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, c)
}

func (a *API) createCalendar(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create calendars"); err != nil {
		return err
	}
	var in calendarBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	c, err := a.S.Calendars.Create(r.Context(), in.over(calendar.Input{}))
	if err != nil {
		return err
	}
	return created(w, c)
}

func (a *API) updateCalendar(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change calendars"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in calendarBody
	if err := httpx.DecodeJSON(r, &in); err != nil {
		return err
	}
	cur, err := a.S.Calendars.Get(r.Context(), id)
	if err != nil {
		return err
	}
	c, err := a.S.Calendars.Update(r.Context(), id, in.over(calendar.InputOf(cur.Name, cur.Spec)))
	if err != nil {
		return err
	}
	return ok(w, c)
}

func (a *API) deleteCalendar(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "delete calendars"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := a.S.Calendars.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
