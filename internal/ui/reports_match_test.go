package ui_test

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/chat"
	"github.com/frontdesk/frontdesk/internal/contact"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/sla"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

// matchDay is the day of mixed activity (Wednesday, UTC: the team has no
// calendar, so business time is wall time).
const matchDay = "2026-03-04"

func dayAt(hhmm string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", matchDay+" "+hhmm)
	if err != nil {
		panic(err)
	}
	return t
}

// mixedDay writes a day of mail, answers, notes, closes, SLA misses,
// ratings, two chats and an offline message on the Support team, under
// a policy asking a first response within an hour and a resolution
// within four.
func mixedDay(t *testing.T, e *env) {
	ctx := context.Background()
	support, err := e.s.Teams.Find(ctx, e.s.DB.Read, "support")
	if err != nil {
		t.Fatal(err)
	}
	hour, four := 60, 240
	if _, err := e.s.SLA.Create(ctx, sla.Input{Name: "Mail", Match: sla.Match{Teams: []int64{support.ID}},
		Targets: sla.TargetMinutes{FirstResponse: &hour, Resolution: &four}}); err != nil {
		t.Fatal(err)
	}
	admin := e.ids["admin"]
	open := func(subject, when string, channel ticket.Channel) int64 {
		tk, err := e.s.Tickets.Create(ctx, ticket.NewTicket{Subject: subject, Description: "Help", Team: "support",
			Channel: channel, CreatedAt: dayAt(when), Contact: contact.Identity{Email: strings.ToLower(subject[:3]) + "@example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		return tk.ID
	}
	say := func(id int64, when string, kind ticket.MessageKind) {
		if _, err := e.s.Tickets.AddMessage(ctx, id, ticket.NewMessage{Kind: kind, Body: "On it", CreatedAt: dayAt(when),
			OperatorID: admin}); err != nil {
			t.Fatal(err)
		}
	}
	closeAt := func(id int64, when string) {
		if _, err := e.s.Tickets.Update(ctx, id, ticket.Patch{Status: testutil.Ptr("Closed"), At: dayAt(when)}); err != nil {
			t.Fatal(err)
		}
	}
	rate := func(id int64, rating, when string) {
		if _, err := e.s.Reports.RateTicket(ctx, id, rating, "", dayAt(when)); err != nil {
			t.Fatal(err)
		}
	}
	a := open("Ana: invoice twice", "08:00", ticket.Email)
	say(a, "08:20", ticket.Reply)
	closeAt(a, "09:00")
	rate(a, "satisfied", "09:30")
	b := open("Ben: parcel lost", "08:30", ticket.Email)
	say(b, "08:40", ticket.Note) // a note answers nobody
	say(b, "10:00", ticket.Reply)
	closeAt(b, "13:30")
	rate(b, "dissatisfied", "14:00")
	c := open("Cem: form question", "09:00", ticket.WebForm)
	say(c, "09:30", ticket.Reply)
	d := open("Dan: refund late", "11:00", ticket.Email)
	say(d, "12:30", ticket.Reply)
	f := open("Eva: password", "12:00", ticket.Email)
	say(f, "12:10", ticket.Reply)
	closeAt(f, "12:30")
	mixedChats(t, e, support.ID)
}

// mixedChats: Sam is answered after a minute and rates Satisfied; Kim
// leaves unanswered; Ola leaves an offline message.
func mixedChats(t *testing.T, e *env, supportID int64) {
	ctx := context.Background()
	var now time.Time
	e.s.Chats.Clock = func() time.Time { return now }
	admin := e.ids["admin"]
	at := func(hhmm string) {
		now = dayAt(hhmm)
		if err := e.s.Chats.Seen(ctx, admin); err != nil {
			t.Fatal(err)
		}
	}
	at("12:59")
	tm, err := e.s.Teams.Update(ctx, supportID, team.Input{Channels: &team.Channels{Email: true, LiveChat: true}})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := e.s.Chats.ChannelBySlug(ctx, tm.Slug)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.s.Chats.Join(ctx, ch.ID, admin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Chats.SetAvailability(ctx, admin, chat.Online); err != nil {
		t.Fatal(err)
	}
	at("13:00")
	sam, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: "v-sam", Name: "Sam", Message: "Hi"})
	if err != nil {
		t.Fatal(err)
	}
	at("13:01")
	if _, err := e.s.Chats.Send(ctx, chat.NewMessage{ChatID: sam.ID, Author: chat.Operator, OperatorID: admin, Body: "Hello"}); err != nil {
		t.Fatal(err)
	}
	at("13:10")
	if _, err := e.s.Chats.End(ctx, sam.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Chats.Rate(ctx, sam.ID, chat.Satisfied, ""); err != nil {
		t.Fatal(err)
	}
	at("14:00")
	kim, _, err := e.s.Chats.Start(ctx, chat.NewChat{Channel: ch.Slug, VisitorKey: "v-kim", Name: "Kim", Message: "Anyone?"})
	if err != nil {
		t.Fatal(err)
	}
	at("14:02")
	if _, err := e.s.Chats.End(ctx, kim.ID); err != nil {
		t.Fatal(err)
	}
	at("15:00")
	if _, err := e.s.Chats.Offline(ctx, ch.Slug, chat.OfflineMessage{Name: "Ola", Email: "ola@example.com",
		Message: "Call me"}); err != nil {
		t.Fatal(err)
	}
}

// truth is what the tickets and chats of the day say, counted from their
// own tables.
type truth struct {
	created, closed, open                   int
	firstResponses, resolutions             []int64 // seconds
	slaDue, slaMissed                       int
	missedSubjects                          []string
	ratings, satisfied                      int
	sessions, missedChats, offline, chatTix int
}

func countTruth(t *testing.T, d *db.DB) truth {
	ctx := context.Background()
	var tr truth
	rows, err := d.Read.QueryContext(ctx, `SELECT subject, created_at, first_response_at, closed_at, is_open FROM tickets`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var subject string
		var created time.Time
		var first, closed sql.NullTime
		var isOpen bool
		if err := rows.Scan(&subject, &created, &first, &closed, &isOpen); err != nil {
			t.Fatal(err)
		}
		if created.UTC().Format(time.DateOnly) != matchDay {
			continue // the offline message's ticket, if created on the real clock
		}
		tr.created++
		missed := false
		if first.Valid {
			s := int64(first.Time.Sub(created).Seconds())
			tr.firstResponses = append(tr.firstResponses, s)
			tr.slaDue++
			missed = s > 3600
		}
		if closed.Valid && !isOpen {
			s := int64(closed.Time.Sub(created).Seconds())
			tr.closed++
			tr.resolutions = append(tr.resolutions, s)
			tr.slaDue++
			if s > 4*3600 {
				tr.slaMissed++
			}
		}
		if missed {
			tr.slaMissed++
		}
		if missed || (closed.Valid && closed.Time.Sub(created) > 4*time.Hour) {
			tr.missedSubjects = append(tr.missedSubjects, subject)
		}
		if isOpen {
			tr.open++
		}
	}
	sort.Strings(tr.missedSubjects)
	scan := func(q string, dest ...any) {
		if err := d.Read.QueryRowContext(ctx, q).Scan(dest...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	scan(`SELECT COUNT(*), COALESCE(SUM(CASE WHEN rating = 'satisfied' THEN 1 ELSE 0 END), 0) FROM
		(SELECT rating FROM ticket_ratings UNION ALL SELECT rating FROM chats WHERE rating IS NOT NULL AND rating <> '') r`,
		&tr.ratings, &tr.satisfied)
	scan(`SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered_at IS NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN ticket_id IS NOT NULL THEN 1 ELSE 0 END), 0) FROM chats WHERE ended_at IS NOT NULL`,
		&tr.sessions, &tr.missedChats, &tr.chatTix)
	scan(`SELECT COUNT(*) FROM tickets t WHERE t.channel = 'chat' AND NOT EXISTS (SELECT 1 FROM chats c WHERE c.ticket_id = t.id)`,
		&tr.offline)
	return tr
}

// rank is the nearest-rank percentile p of values, as the report gives it.
func rank(values []int64, p float64) int64 {
	v := append([]int64{}, values...)
	sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
	return v[int(math.Ceil(p*float64(len(v))))-1]
}

// minutes writes whole minutes or hours as the page does.
func minutes(s int64) string {
	if s%3600 == 0 {
		return fmt.Sprintf("%d h", s/3600)
	}
	if s > 3600 {
		return fmt.Sprintf("%d h %d min", s/3600, s%3600/60)
	}
	return fmt.Sprintf("%d min", s/60)
}

// figure reads a headline figure of a reports page: its value and hint.
func figure(t *testing.T, page, label string) (value, hint string) {
	t.Helper()
	re := regexp.MustCompile(`figure-label">` + regexp.QuoteMeta(label) +
		`</span>\s*<(?:a|span) class="figure-value"[^>]*>([^<]*)<[^\n]*\n\s*(?:<(?:a|span) class="hint"[^>]*>([^<]*)<)?`)
	m := re.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no figure %q on the page", label)
	}
	return m[1], m[2]
}

// TestEveryFigureMatchesItsTickets writes a day of mixed activity and
// checks each figure of the Tickets and Chats tabs against a count over
// the tickets and chats themselves; the SLA missed count opens exactly
// the tickets that overran; and the month's CSV holds the page's table.
func TestEveryFigureMatchesItsTickets(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		mixedDay(t, e)
		tr := countTruth(t, d)
		if tr.created < 5 || tr.slaMissed != 3 || tr.slaDue != 8 || tr.sessions != 2 || tr.offline != 1 {
			t.Fatalf("the day is not the one planned: %+v", tr)
		}
		admin := e.client("admin")
		_, page := e.do(admin, "GET", "/reports?team=support&from="+matchDay+"&to="+matchDay, nil, nil)
		itoa := strconv.Itoa
		pct := func(n, of int) string {
			return strconv.FormatFloat(math.Round(float64(n)*1000/float64(of))/10, 'f', -1, 64) + " %"
		}
		for _, c := range []struct{ label, want string }{
			{"Created", itoa(tr.created)}, {"Closed", itoa(tr.closed)}, {"Reopened", "0"},
			{"Open at the end", itoa(tr.open)},
			{"First response, median", minutes(rank(tr.firstResponses, .5))},
			{"Resolution, median", minutes(rank(tr.resolutions, .5))},
			{"SLA targets met", pct(tr.slaDue-tr.slaMissed, tr.slaDue)},
			{"Satisfied", pct(tr.satisfied, tr.ratings)},
		} {
			if got, _ := figure(t, page, c.label); got != c.want {
				t.Errorf("%s reads %q, the tickets say %q", c.label, got, c.want)
			}
		}
		if _, hint := figure(t, page, "First response, median"); hint != "90 %: "+minutes(rank(tr.firstResponses, .9)) {
			t.Errorf("first response hint %q", hint)
		}
		if _, hint := figure(t, page, "SLA targets met"); hint != fmt.Sprintf("%d of %d missed", tr.slaMissed, tr.slaDue) {
			t.Errorf("SLA hint %q, want %d of %d missed", hint, tr.slaMissed, tr.slaDue)
		}
		checkMissedList(t, e, page, tr)

		_, chats := e.do(admin, "GET", "/reports/chats?team=support&from="+matchDay+"&to="+matchDay, nil, nil)
		for _, c := range []struct{ label, want string }{
			{"Sessions", itoa(tr.sessions)}, {"Missed", itoa(tr.missedChats)}, {"Became tickets", itoa(tr.chatTix)},
			{"Offline messages", itoa(tr.offline)},
		} {
			if got, _ := figure(t, chats, c.label); got != c.want {
				t.Errorf("chats: %s reads %q, the chats say %q", c.label, got, c.want)
			}
		}
		checkMonthCSV(t, e, tr)
	})
}

// checkMissedList follows the SLA figure's missed link: the inbox lists
// exactly the tickets whose first response or resolution overran.
func checkMissedList(t *testing.T, e *env, page string, tr truth) {
	t.Helper()
	m := regexp.MustCompile(`<a class="hint" href="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the SLA figure's missed count links nowhere")
	}
	checkMissedLink(t, e, m[1], tr)
	day := regexp.MustCompile(`(?s)<tr data-date="` + matchDay + `">.*?<a class="hint day-missed" href="([^"]+)"[^>]*>(\d+) missed</a>`).
		FindStringSubmatch(page)
	if day == nil || day[2] != strconv.Itoa(tr.slaMissed) {
		t.Fatalf("the day's row has no link to its %d SLA misses (%v)", tr.slaMissed, day)
	}
	checkMissedLink(t, e, day[1], tr)
}

func checkMissedLink(t *testing.T, e *env, href string, tr truth) {
	t.Helper()
	link := strings.ReplaceAll(href, "&amp;", "&")
	_, list := e.do(e.client("admin"), "GET", link, nil, nil)
	subjects := regexp.MustCompile(`class="subject"[^>]*><span class="num">#\d+</span>\s*([^<]+)<`).FindAllStringSubmatch(list, -1)
	var got []string
	for _, s := range subjects {
		got = append(got, strings.TrimSpace(s[1]))
	}
	sort.Strings(got)
	if strings.Join(got, "|") != strings.Join(tr.missedSubjects, "|") || !strings.Contains(list, "SLA missed on Wed 4 Mar") {
		t.Errorf("the missed link %s lists %q, want %q", link, got, tr.missedSubjects)
	}
}

// checkMonthCSV compares the month's day-by-day table on the page with
// its CSV, row by row.
func checkMonthCSV(t *testing.T, e *env, tr truth) {
	t.Helper()
	month := "team=support&from=2026-03-01&to=2026-03-31"
	_, page := e.do(e.client("admin"), "GET", "/reports?"+month, nil, nil)
	_, body := e.do(e.client("admin"), "GET", "/reports.csv?"+month, nil, nil)
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(records) != 32 {
		t.Fatalf("the month's CSV has %d rows (%v), want a header and 31 days", len(records), err)
	}
	rows := regexp.MustCompile(`(?s)<tr data-date="([^"]+)">(.*?)</tr>`).FindAllStringSubmatch(page, -1)
	if len(rows) != 31 {
		t.Fatalf("the page's days table has %d rows, want 31", len(rows))
	}
	cell := func(row, col string) string {
		m := regexp.MustCompile(`data-col="` + col + `">(?:<a[^>]*>)?([^<]*)`).FindStringSubmatch(row)
		if m == nil {
			return "?"
		}
		return m[1]
	}
	for i, r := range rows {
		rec := records[i+1]
		sla := "–"
		if rec[9] != "" {
			sla = rec[9] + " %"
		}
		page := []string{r[1], cell(r[2], "created"), cell(r[2], "closed"), cell(r[2], "backlog"), cell(r[2], "sla")}
		file := []string{rec[0], rec[1], rec[2], rec[4], sla}
		if strings.Join(page, ",") != strings.Join(file, ",") {
			t.Errorf("day %d: the page reads %v, the CSV %v", i+1, page, file)
		}
	}
	if !strings.Contains(body, fmt.Sprintf("\n%s,%d,%d,0,%d,", matchDay, tr.created, tr.closed, tr.open)) {
		t.Errorf("the CSV lacks the day's counts:\n%s", body)
	}
}
