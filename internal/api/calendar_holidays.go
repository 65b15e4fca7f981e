package api

import (
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/frontdesk/frontdesk/internal/calendar"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/httpx"
)

// maxICS bounds an uploaded holiday file: a country's holidays for a
// century are a few hundred kilobytes.
const maxICS = 2 << 20

// importHolidays takes an .ics file, as the "file" part of a multipart
// form or as a text/calendar body, and adds its holidays for the years
// asked ("years", in the form or the query) to the calendar.
func (a *API) importHolidays(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "change calendars"); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ics, years, err := readICS(r)
	if err != nil {
		return err
	}
	first, last, err := calendar.Years(years, time.Now().Year())
	if err != nil {
		return err
	}
	c, _, err := a.S.Calendars.ImportHolidays(r.Context(), id, ics, first, last)
	if err != nil {
		return err
	}
	return ok(w, c)
}

// readICS returns the file's bytes and the years field.
func readICS(r *http.Request) ([]byte, string, error) {
	r.Body = http.MaxBytesReader(nil, r.Body, maxICS)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "multipart/form-data":
		if err := httpx.ReadForm(r, maxICS); err != nil {
			return nil, "", err
		}
		f, _, err := r.FormFile("file")
		if err != nil {
			return nil, "", domain.Invalid("file", "attach the .ics file as the form field \"file\"")
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		return data, r.FormValue("years"), err
	case "text/calendar":
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, "", httpx.TooLarge(maxICS)
		}
		return data, r.URL.Query().Get("years"), nil
	}
	return nil, "", &httpx.Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
		Message: "send the .ics file as multipart/form-data (field \"file\") or as a text/calendar body",
		Fields:  map[string]string{"Content-Type": "must be multipart/form-data or text/calendar"}}
}
