package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/frontdesk/frontdesk/internal/calendar"
)

// CalendarsView lists the business-hours calendars.
type CalendarsView struct {
	SettingsBase
	Calendars []CalendarRow
}

// CalendarRow is one line of the list.
type CalendarRow struct {
	calendar.Record
	Summary []string // the week, days with equal hours grouped
}

func (u *UI) settingsCalendars(w http.ResponseWriter, r *http.Request) error {
	all, err := u.s.Calendars.List(r.Context())
	if err != nil {
		return err
	}
	v := CalendarsView{SettingsBase: u.settingsBase(r, "calendars")}
	v.Flash = notice(r)
	for _, c := range all {
		v.Calendars = append(v.Calendars, CalendarRow{Record: c, Summary: weekSummary(c.Hours)})
	}
	return u.render(w, r, http.StatusOK, "settings_calendars", "", v)
}

// weekSummary groups consecutive days with the same hours:
// "Mon–Thu 09:00–12:30, 13:30–17:00", "Fri 09:00–15:00", "Sat–Sun closed".
func weekSummary(hours map[string][][2]string) []string {
	var out []string
	days := calendar.Weekdays
	for i := 0; i < len(days); {
		j, text := i, rangesText(hours[days[i]])
		for j+1 < len(days) && rangesText(hours[days[j+1]]) == text {
			j++
		}
		label := dayLabel(days[i])
		if j > i {
			label += "–" + dayLabel(days[j])
		}
		if text == "" {
			text = "closed"
		}
		out = append(out, label+" "+strings.ReplaceAll(text, "-", "–"))
		i = j + 1
	}
	return out
}

func dayLabel(day string) string { return strings.ToUpper(day[:1]) + day[1:] }

func (u *UI) settingsCalendarNew(w http.ResponseWriter, r *http.Request) error {
	office := [][2]string{{"09:00", "17:00"}}
	f := calendarFormOf(calendar.Record{Spec: calendar.Spec{TimeZone: "UTC", Hours: map[string][][2]string{
		"mon": office, "tue": office, "wed": office, "thu": office, "fri": office}}})
	v := CalendarView{SettingsBase: u.settingsBase(r, "calendars"), Form: f, Zones: commonZones}
	return u.render(w, r, http.StatusOK, "settings_calendar", "", v)
}

func (u *UI) settingsCalendarEdit(w http.ResponseWriter, r *http.Request) error {
	v, err := u.calendarView(r)
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_calendar", "", v)
}

// calendarView is the edit page of the calendar in the path, as stored.
func (u *UI) calendarView(r *http.Request) (CalendarView, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return CalendarView{}, err
	}
	c, err := u.s.Calendars.Get(r.Context(), id)
	if err != nil {
		return CalendarView{}, err
	}
	return CalendarView{SettingsBase: u.settingsBase(r, "calendars"), ID: id, Form: calendarFormOf(c),
		Teams: c.Teams, Zones: commonZones}, nil
}

// CalendarView is the create and edit page of a calendar.
type CalendarView struct {
	SettingsBase
	ID    int64 // zero when creating
	Form  CalendarForm
	Teams []calendar.TeamRef
	Zones []string
	Years string // the holiday import's years, as typed
}

// Action is where the form posts.
func (v CalendarView) Action() string {
	if v.ID == 0 {
		return "/settings/calendars"
	}
	return "/settings/calendars/" + strconv.FormatInt(v.ID, 10)
}

// Days are the weekday inputs, in order, with their errors.
func (v CalendarView) Days() []SField {
	out := make([]SField, len(calendar.Weekdays))
	for i, day := range calendar.Weekdays {
		out[i] = SField{ID: "hours_" + day, Label: weekdayNames[i], Value: v.Form.Days[day], Error: v.Errors["hours."+day]}
	}
	return out
}

var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// ExceptionError is the message for exception row i (the add row is the
// last index).
func (v CalendarView) ExceptionError(i int) string {
	p := fmt.Sprintf("exceptions[%d]", i)
	return strings.TrimSpace(v.Errors[p+".date"] + " " + v.Errors[p+".name"] + " " + v.Errors[p+".hours"])
}

// NewIndex is the add row's index among the exceptions.
func (v CalendarView) NewIndex() int { return len(v.Form.Exceptions) }

// commonZones fill the time zone's suggestions; any IANA name is taken.
var commonZones = []string{"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin",
	"Europe/Amsterdam", "Europe/Brussels", "Europe/Madrid", "Europe/Rome", "Europe/Vienna", "Europe/Zurich",
	"Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Warsaw", "Europe/Prague",
	"Europe/Athens", "Europe/Istanbul", "Europe/Kyiv", "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi",
	"Africa/Johannesburg", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok",
	"Asia/Jakarta", "Asia/Singapore", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Manila", "Asia/Seoul", "Asia/Tokyo",
	"Australia/Perth", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Australia/Melbourne",
	"Pacific/Auckland", "America/St_Johns", "America/Halifax", "America/New_York", "America/Toronto",
	"America/Chicago", "America/Mexico_City", "America/Denver", "America/Phoenix", "America/Los_Angeles",
	"America/Vancouver", "America/Anchorage", "Pacific/Honolulu", "America/Bogota", "America/Lima",
	"America/Santiago", "America/Buenos_Aires", "America/Sao_Paulo"}
