package ui

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/frontdesk/frontdesk/internal/mail/mailbox"
	"github.com/frontdesk/frontdesk/internal/team"
)

// MailboxesView is a team's IMAP mailboxes with the add or edit form.
type MailboxesView struct {
	SettingsBase
	Team   team.Team
	Boxes  []MailboxRow
	EditID int64 // the mailbox in the form; zero when adding
	Form   MailboxForm
	Modes  []Mode
	Probe  *ProbeResult // the outcome of "Test connection"
}

// MailboxRow is one line of the list.
type MailboxRow struct {
	mailbox.Mailbox
	LastSync string
}

// ProbeResult says how a connection test went, in plain words.
type ProbeResult struct {
	OK      bool
	Message string
}

// MailboxForm is the mailbox form as typed; the password is never shown.
type MailboxForm struct {
	Host, Port, TLS, Username, Password, Folder string
	Enabled                                     bool
}

var tlsModes = []Mode{
	{string(mailbox.TLS), "TLS", "Encrypted from the start, usually port 993."},
	{string(mailbox.StartTLS), "STARTTLS", "Plain connection upgraded to TLS, usually port 143."},
	{string(mailbox.NoTLS), "None", "Unencrypted: only for a server on a trusted network."},
}

var mailboxFields = []string{"host", "port", "tls", "username", "password", "folder"}

func mailboxFormOf(m mailbox.Mailbox) MailboxForm {
	return MailboxForm{Host: m.Host, Port: strconv.Itoa(m.Port), TLS: string(m.TLS), Username: m.Username,
		Folder: m.Folder, Enabled: m.Enabled}
}

func mailboxFormFrom(f url.Values) MailboxForm {
	return MailboxForm{Host: f.Get("host"), Port: strings.TrimSpace(f.Get("port")), TLS: f.Get("tls"),
		Username: f.Get("username"), Password: f.Get("password"), Folder: f.Get("folder"), Enabled: f.Has("enabled")}
}

func (f MailboxForm) input() mailbox.Input {
	port, err := strconv.Atoi(f.Port)
	if err != nil {
		port = -1 // reported as out of range
	}
	if f.Port == "" {
		port = mailbox.DefaultPort(mailbox.TLSMode(f.TLS))
	}
	return mailbox.Input{Host: f.Host, Port: port, TLS: mailbox.TLSMode(f.TLS), Username: f.Username,
		Password: f.Password, Folder: f.Folder, Enabled: f.Enabled}
}

// mailboxesView loads team teamID and its mailboxes around form f.
func (u *UI) mailboxesView(r *http.Request, teamID, editID int64, f MailboxForm) (MailboxesView, error) {
	t, err := u.s.Teams.Get(r.Context(), teamID)
	if err != nil {
		return MailboxesView{}, err
	}
	boxes, err := u.s.Mailboxes.ByTeam(r.Context(), teamID)
	if err != nil {
		return MailboxesView{}, err
	}
	v := MailboxesView{SettingsBase: u.settingsBase(r, "teams"), Team: t, EditID: editID, Form: f, Modes: tlsModes}
	for _, m := range boxes {
		row := MailboxRow{Mailbox: m, LastSync: "Never"}
		if m.LastSyncAt != nil {
			row.LastSync = m.LastSyncAt.Local().Format(time.DateTime)
		}
		v.Boxes = append(v.Boxes, row)
	}
	return v, nil
}

// Action is where the form posts.
func (v MailboxesView) Action() string {
	base := "/settings/teams/" + strconv.FormatInt(v.Team.ID, 10) + "/mailboxes"
	if v.EditID == 0 {
		return base
	}
	return base + "/" + strconv.FormatInt(v.EditID, 10)
}

// Field is an input of the mailbox form with its error.
func (v MailboxesView) Field(id string) SField {
	f := SField{ID: id, Error: v.Errors[id]}
	switch id {
	case "host":
		f.Label, f.Value, f.Required, f.Hint = "IMAP server", v.Form.Host, true, "Host name, such as imap.example.com."
	case "port":
		f.Label, f.Value, f.Type, f.Hint = "Port", v.Form.Port, "number", "Left blank: 993 with TLS, 143 otherwise."
	case "username":
		f.Label, f.Value, f.Required = "User name", v.Form.Username, true
	case "password":
		f.Label, f.Type, f.Required = "Password", "password", v.EditID == 0
		f.Hint = "Stored unencrypted in Frontdesk's database."
		if v.EditID != 0 {
			f.Hint = "Left blank, the stored password is kept. " + f.Hint
		}
	case "folder":
		f.Label, f.Value, f.Hint = "Folder", v.Form.Folder, "Left blank: INBOX."
	}
	return f
}

func (u *UI) settingsMailboxes(w http.ResponseWriter, r *http.Request) error {
	teamID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := u.mailboxesView(r, teamID, 0, MailboxForm{TLS: string(mailbox.TLS), Folder: "INBOX", Enabled: true})
	if err != nil {
		return err
	}
	v.Flash = notice(r)
	return u.render(w, r, http.StatusOK, "settings_mailboxes", "", v)
}

// isMailboxField says which errors show beside their input.
func isMailboxField(k string) bool { return slices.Contains(mailboxFields, k) }
