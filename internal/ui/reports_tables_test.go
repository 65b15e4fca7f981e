package ui_test

import (
	"context"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// TestReportTablesAsCSV downloads each breakdown table of the mixed day
// as CSV, checked against hand-computed figures: first responses of A 20,
// B 90, C 30, D 90 and E 10 minutes against a one-hour target (B and D
// missed), resolutions of A 60, B 300 and E 30 minutes against four hours
// (B missed); every answer is the admin's, no ticket is assigned.
func TestReportTablesAsCSV(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		mixedDay(t, e)
		admin := e.client("admin")
		day := "team=support&from=" + matchDay + "&to=" + matchDay
		wed := "Wed,0,0,0,0,0,0,0,0,2,1,0,1,1,0,0,0,0,0,0,0,0,0,0,0"
		for table, want := range map[string]string{
			"sla-targets":   "target,met,settled,missed,met_pct\nFirst response,3,5,2,60\nResolution,2,3,1,66.7\n",
			"sla-policies":  "policy,met,settled,missed,met_pct\nMail,5,8,3,62.5\n",
			"sla-teams":     "team,met,settled,missed,met_pct\nSupport,5,8,3,62.5\n",
			"sla-operators": "operator,met,settled,missed,met_pct\n(unassigned),2,3,1,66.7\nThe admin,3,5,2,60\n",
			"channels":      "channel,created,closed\nemail,4,3\nweb_form,1,0\n",
			"tags":          "tag,created,closed\n",
			"heatmap":       "\n" + wed + "\n",
			"operators":     "\nThe admin,admin@example.com,0,5,0,1800,5400,",
		} {
			res, body := e.do(admin, "GET", "/reports.csv?table="+table+"&"+day, nil, nil)
			if res.StatusCode != http.StatusOK || !strings.Contains(body, want) {
				t.Errorf("%s CSV (%d):\n%s\nwant %q", table, res.StatusCode, body, want)
			}
			if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "tickets-"+table+"-"+matchDay) {
				t.Errorf("%s CSV is named %q", table, cd)
			}
		}
		res, body := e.do(admin, "GET", "/reports/chats.csv?table=operators&"+day, nil, nil)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "\nThe admin,admin@example.com,2,360,3,100,60,60") {
			t.Errorf("chat operators CSV (%d):\n%s", res.StatusCode, body)
		}
		res, body = e.do(admin, "GET", "/reports/chats.csv?table=sessions&"+day, nil, nil)
		kim := "," + matchDay + ",2026-03-04T14:00:00Z,Kim,,The admin,false,,120,1,,,\n"
		sam := "," + matchDay + ",2026-03-04T13:00:00Z,Sam,,The admin,true,60,600,2,satisfied,,\n"
		if lines := strings.Split(strings.TrimSpace(body), "\n"); res.StatusCode != http.StatusOK || len(lines) != 3 ||
			!strings.HasSuffix(lines[1]+"\n", kim) || !strings.HasSuffix(lines[2]+"\n", sam) {
			t.Errorf("chat sessions CSV (%d), want Kim's then Sam's:\n%s", res.StatusCode, body)
		}
		for _, bad := range []string{"/reports.csv?table=secrets&" + day, "/reports/chats.csv?table=tags&" + day} {
			if res, _ := e.do(admin, "GET", bad, nil, nil); res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s answers %d, want 422", bad, res.StatusCode)
			}
		}
		if res, _ := e.do(e.client(""), "GET", "/reports.csv?table=operators&"+day, nil, nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("a visitor gets the operators CSV: %d", res.StatusCode)
		}

		_, page := e.do(admin, "GET", "/reports?"+day, nil, nil)
		for _, want := range []string{`aria-label="2 missed, First response"`, `aria-label="1 missed, (unassigned)"`,
			`href="/reports.csv?from=` + matchDay + `&amp;team=support&amp;to=` + matchDay + `&amp;table=sla-targets"`,
			`aria-label="Download CSV: operators"`, `aria-label="Download CSV: by channel"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page lacks %s", want)
			}
		}
		// The unassigned row's miss is B's resolution; the admin's are the
		// first responses of B and D.
		for label, want := range map[string]string{"1 missed, (unassigned)": "Ben: parcel lost",
			"2 missed, The admin": "Ben: parcel lost|Dan: refund late"} {
			if got := followList(t, e, page, label); got != want {
				t.Errorf("%s opens %q, want %q", label, got, want)
			}
		}
		_, chats := e.do(admin, "GET", "/reports/chats?"+day, nil, nil)
		if got := followList(t, e, chats, "1 offline messages on Wed 4 Mar"); got != "Message from Ola" {
			t.Errorf("the offline count opens %q, want Ola's ticket", got)
		}
	})
}

// followList opens the link labelled label on page and returns the
// subjects of the inbox list it leads to, sorted, joined by "|".
func followList(t *testing.T, e *env, page, label string) string {
	t.Helper()
	m := regexp.MustCompile(`<a href="([^"]+)" aria-label="` + regexp.QuoteMeta(label) + `"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no link %q", label)
	}
	_, list := e.do(e.client("admin"), "GET", strings.ReplaceAll(m[1], "&amp;", "&"), nil, nil)
	var got []string
	for _, s := range regexp.MustCompile(`class="subject"[^>]*><span class="num">#\d+</span>\s*([^<]+)<`).FindAllStringSubmatch(list, -1) {
		got = append(got, strings.TrimSpace(s[1]))
	}
	sort.Strings(got)
	return strings.Join(got, "|")
}

// TestReportCSVDefusesFormulas: a visitor who names themselves as a
// spreadsheet formula appears in the sessions CSV as text.
func TestReportCSVDefusesFormulas(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		_, c := e.liveChat(`=HYPERLINK("http://evil.example","x")`)
		if _, err := e.s.Chats.End(context.Background(), c.ID); err != nil {
			t.Fatal(err)
		}
		today := time.Now().UTC().Format(time.DateOnly)
		_, body := e.do(e.client("admin"), "GET", "/reports/chats.csv?table=sessions&from="+today+"&to="+today, nil, nil)
		if !strings.Contains(body, `"'=HYPERLINK(""http://evil.example"",""x"")"`) || strings.Contains(body, `,"=HYPERLINK`) {
			t.Errorf("the formula reaches the CSV as a formula:\n%s", body)
		}
	})
}
