package ui

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/domain"
)

// settingsCalendarSave creates (no id) or updates a calendar; an
// exception's Remove button saves the form without that row.
func (u *UI) settingsCalendarSave(w http.ResponseWriter, r *http.Request) error {
	id, err := optionalPathID(r)
	if err != nil {
		return err
	}
	f := calendarFormFrom(r.PostForm)
	removed := f.remove(r.PostForm.Get("op"))
	in, unreadable := f.input()
	var c calendar.Record
	if id == 0 {
		c, err = u.s.Calendars.Create(r.Context(), in)
	} else {
		c, err = u.s.Calendars.Update(r.Context(), id, in)
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v := CalendarView{SettingsBase: u.settingsBase(r, "calendars"), ID: id, Form: f, Zones: commonZones}
		v.Errors, v.Error = fieldErrors(ve.Fields, isCalendarField)
		for field := range unreadable {
			v.Errors[field] = "Write ranges like 09:00-12:30, 13:30-17:00, or leave it blank for closed."
		}
		if id != 0 {
			cur, gerr := u.s.Calendars.Get(r.Context(), id)
			if gerr != nil {
				return gerr
			}
			v.Teams = cur.Teams
		}
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_calendar", "", v)
	} else if err != nil {
		return err
	}
	done := "calendar-saved"
	switch {
	case id == 0:
		done = "calendar-created"
	case removed:
		done = "exception-removed"
	}
	http.Redirect(w, r, "/settings/calendars/"+strconv.FormatInt(c.ID, 10)+"?done="+done, http.StatusSeeOther)
	return nil
}

func isCalendarField(k string) bool {
	return k == "name" || k == "time_zone" || strings.HasPrefix(k, "hours.") || strings.HasPrefix(k, "exceptions[")
}

// settingsCalendarDelete removes a calendar no team uses; a refusal names
// the teams on the calendar's page.
func (u *UI) settingsCalendarDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	err = u.s.Calendars.Delete(r.Context(), id)
	if errors.Is(err, domain.ErrConflict) {
		v, verr := u.calendarView(r)
		if verr != nil {
			return verr
		}
		v.Error = sentenceCase(err.Error())
		return u.render(w, r, http.StatusConflict, "settings_calendar", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/calendars?done=calendar-deleted", http.StatusSeeOther)
	return nil
}

// settingsCalendarHolidays imports the holidays of an uploaded .ics file.
func (u *UI) settingsCalendarHolidays(w http.ResponseWriter, r *http.Request) error {
	v, err := u.calendarView(r)
	if err != nil {
		return err
	}
	v.Years = r.PostForm.Get("years")
	_, _, err = u.importHolidays(r, v.ID, v.Years)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		v.Errors, v.Error = fieldErrors(ve.Fields, func(k string) bool { return k == "file" || k == "years" })
		return u.render(w, r, http.StatusUnprocessableEntity, "settings_calendar", "", v)
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, "/settings/calendars/"+strconv.FormatInt(v.ID, 10)+"?done=holidays-imported", http.StatusSeeOther)
	return nil
}

func (u *UI) importHolidays(r *http.Request, id int64, years string) (calendar.Record, int, error) {
	first, last, err := calendar.Years(years, time.Now().Year())
	if err != nil {
		return calendar.Record{}, 0, err
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		return calendar.Record{}, 0, domain.Invalid("file", "choose an .ics file to import")
	}
	defer file.Close()
	ics, err := io.ReadAll(io.LimitReader(file, 2<<20))
	if err != nil {
		return calendar.Record{}, 0, err
	}
	return u.s.Calendars.ImportHolidays(r.Context(), id, ics, first, last)
}
