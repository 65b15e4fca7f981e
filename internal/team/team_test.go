package team_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/config"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// setup bootstraps the default pipeline and the "support" team.
func setup(t *testing.T, d *db.DB) (*app.Services, team.Team) {
	t.Helper()
	s := app.NewServices(d, config.Defaults())
	support, err := s.Bootstrap(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s, support
}

func mustOperator(t *testing.T, s *app.Services, email string) operator.Operator {
	t.Helper()
	op, err := s.Operators.Create(context.Background(), operator.NewOperator{Email: email, Name: email})
	if err != nil {
		t.Fatal(err)
	}
	return op
}

func TestBootstrapTeam(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		p, err := s.Pipelines.EnsureDefault(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if support.Name != "Support" || support.Slug != "support" || support.EmailAlias != "support@localhost" || support.PipelineID != p.ID {
			t.Errorf("default team = %+v", support)
		}
		again, err := s.Bootstrap(context.Background())
		if err != nil || again.ID != support.ID {
			t.Errorf("second bootstrap gave team %d (%v), want the same team", again.ID, err)
		}
		if all, _ := s.Teams.List(context.Background()); len(all) != 1 {
			t.Errorf("%d teams after two bootstraps, want 1", len(all))
		}
	})
}

func TestCreateDefaultsAndOverrides(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		ctx := context.Background()
		ada, bo := mustOperator(t, s, "ada@example.com"), mustOperator(t, s, "bo@example.com")
		other, err := s.Pipelines.Create(ctx, "Sales", []pipeline.StatusInput{{Name: "Lead", Kind: pipeline.Open}, {Name: "Won", Kind: pipeline.Closed}})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			in   team.Input
			want team.Team
		}{
			{"defaults from the name", team.Input{Name: testutil.Ptr("  Billing & Accounts ")}, team.Team{
				Name: "Billing & Accounts", Slug: "billing-accounts", EmailAlias: "billing-accounts@localhost",
				PipelineID: support.PipelineID, AssignmentMode: team.Manual,
				Channels: team.Channels{Email: true, Form: true, Widget: true}, MemberIDs: []int64{}}},
			{"everything given", team.Input{Name: testutil.Ptr("VIP"), Slug: testutil.Ptr(" VIP-Desk "), EmailAlias: testutil.Ptr("VIP@Example.com"),
				PipelineID: &other.ID, AssignmentMode: testutil.Ptr(team.RoundRobin), Channels: &team.Channels{LiveChat: true},
				MemberIDs: &[]int64{bo.ID, ada.ID, bo.ID}}, team.Team{
				Name: "VIP", Slug: "vip-desk", EmailAlias: "vip@example.com", PipelineID: other.ID,
				AssignmentMode: team.RoundRobin, Channels: team.Channels{LiveChat: true}, MemberIDs: []int64{ada.ID, bo.ID}}},
		}
		for _, tc := range cases {
			got, err := s.Teams.Create(ctx, tc.in, support.PipelineID)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			tc.want.ID, tc.want.CreatedAt, tc.want.UpdatedAt = got.ID, got.CreatedAt, got.UpdatedAt
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tc.want) {
				t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
			}
			if got.CreatedAt.IsZero() {
				t.Errorf("%s: no creation time", tc.name)
			}
		}
	})
}

func TestCreateRefusesBadInput(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		ctx := context.Background()
		op := mustOperator(t, s, "ada@example.com")
		cases := []struct {
			name  string
			in    team.Input
			field string
		}{
			{"no name", team.Input{Slug: testutil.Ptr("x")}, "name"},
			{"blank name", team.Input{Name: testutil.Ptr("   ")}, "name"},
			{"name without letters leaves no slug", team.Input{Name: testutil.Ptr("!!!")}, "slug"},
			{"bad slug", team.Input{Name: testutil.Ptr("Bad"), Slug: testutil.Ptr("-bad-")}, "slug"},
			{"slug with spaces", team.Input{Name: testutil.Ptr("Bad"), Slug: testutil.Ptr("two words")}, "slug"},
			{"slug taken", team.Input{Name: testutil.Ptr("Support again"), Slug: testutil.Ptr("Support"), EmailAlias: testutil.Ptr("other@localhost")}, "slug"},
			{"slug taken by name", team.Input{Name: testutil.Ptr("SUPPORT"), EmailAlias: testutil.Ptr("other@localhost")}, "slug"},
			{"alias taken in another case", team.Input{Name: testutil.Ptr("Help"), EmailAlias: testutil.Ptr("Support@LOCALHOST")}, "email_alias"},
			{"bad alias", team.Input{Name: testutil.Ptr("Help"), EmailAlias: testutil.Ptr("help desk")}, "email_alias"},
			{"unknown mode", team.Input{Name: testutil.Ptr("Help"), AssignmentMode: testutil.Ptr(team.AssignmentMode("random"))}, "assignment_mode"},
			{"unknown pipeline", team.Input{Name: testutil.Ptr("Help"), PipelineID: testutil.Ptr(int64(999999))}, "pipeline_id"},
			{"unknown member", team.Input{Name: testutil.Ptr("Help"), MemberIDs: &[]int64{op.ID, 999999}}, "member_ids[1]"},
		}
		for _, tc := range cases {
			_, err := s.Teams.Create(ctx, tc.in, support.PipelineID)
			if testutil.Fields(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want a message for %s", tc.name, err, tc.field)
			}
		}
		if all, _ := s.Teams.List(ctx); len(all) != 1 {
			t.Errorf("%d teams after refused creates, want only support", len(all))
		}
	})
}

func TestUpdateTeam(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		ctx := context.Background()
		ada, bo, cy := mustOperator(t, s, "ada@example.com"), mustOperator(t, s, "bo@example.com"), mustOperator(t, s, "cy@example.com")
		billing, err := s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Billing"), MemberIDs: &[]int64{ada.ID, bo.ID}}, support.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name  string
			in    team.Input
			field string
			check func(tm team.Team) bool
		}{
			{"rename keeps slug and alias", team.Input{Name: testutil.Ptr("Billing & Payments")}, "",
				func(tm team.Team) bool {
					return tm.Name == "Billing & Payments" && tm.Slug == "billing" && tm.EmailAlias == "billing@localhost" &&
						slices.Equal(tm.MemberIDs, []int64{ada.ID, bo.ID})
				}},
			{"replace members", team.Input{MemberIDs: &[]int64{cy.ID}}, "",
				func(tm team.Team) bool { return slices.Equal(tm.MemberIDs, []int64{cy.ID}) }},
			{"members left out stay", team.Input{AssignmentMode: testutil.Ptr(team.FewestOpen)}, "",
				func(tm team.Team) bool {
					return tm.AssignmentMode == team.FewestOpen && slices.Equal(tm.MemberIDs, []int64{cy.ID})
				}},
			{"empty member list", team.Input{MemberIDs: &[]int64{}}, "",
				func(tm team.Team) bool { return len(tm.MemberIDs) == 0 }},
			{"new slug and alias", team.Input{Slug: testutil.Ptr("pay"), EmailAlias: testutil.Ptr("Pay@Example.com")}, "",
				func(tm team.Team) bool { return tm.Slug == "pay" && tm.EmailAlias == "pay@example.com" }},
			{"channels", team.Input{Channels: &team.Channels{Email: true, LiveChat: true}}, "",
				func(tm team.Team) bool { return tm.Channels == team.Channels{Email: true, LiveChat: true} }},
			{"slug of another team", team.Input{Slug: testutil.Ptr("support")}, "slug", nil},
			{"alias of another team", team.Input{EmailAlias: testutil.Ptr("support@localhost")}, "email_alias", nil},
			{"unknown member", team.Input{MemberIDs: &[]int64{ada.ID, 999999}}, "member_ids[1]", nil},
			{"unknown pipeline", team.Input{PipelineID: testutil.Ptr(int64(999999))}, "pipeline_id", nil},
		}
		for _, st := range steps {
			before, _ := s.Teams.Get(ctx, billing.ID)
			got, err := s.Teams.Update(ctx, billing.ID, st.in)
			if st.field != "" {
				if testutil.Fields(err)[st.field] == "" {
					t.Errorf("%s: error %v, want a message for %s", st.name, err, st.field)
				}
				if after, _ := s.Teams.Get(ctx, billing.ID); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Errorf("%s: refused update changed the team:\n%+v\n%+v", st.name, before, after)
				}
				continue
			}
			if err != nil || !st.check(got) {
				t.Errorf("%s: %+v, %v", st.name, got, err)
			}
		}
		member, err := s.Teams.IsMember(ctx, support.ID, ada.ID)
		if err != nil || member {
			t.Errorf("ada is a member of support: %v, %v", member, err)
		}
		if _, err := s.Teams.Update(ctx, 999999, team.Input{Name: testutil.Ptr("x")}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("update of a missing team: %v, want not found", err)
		}
	})
}

func TestMembership(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		ctx := context.Background()
		ada, bo := mustOperator(t, s, "ada@example.com"), mustOperator(t, s, "bo@example.com")
		if _, err := s.Teams.Update(ctx, support.ID, team.Input{MemberIDs: &[]int64{ada.ID}}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			op   int64
			want bool
		}{{ada.ID, true}, {bo.ID, false}, {999999, false}}
		for _, tc := range cases {
			if got, err := s.Teams.IsMember(ctx, support.ID, tc.op); err != nil || got != tc.want {
				t.Errorf("IsMember(%d) = %v, %v; want %v", tc.op, got, err, tc.want)
			}
		}
		list, err := s.Teams.List(ctx)
		if err != nil || len(list) != 1 || !slices.Equal(list[0].MemberIDs, []int64{ada.ID}) {
			t.Errorf("List = %+v, %v; want support with ada", list, err)
		}
	})
}

func TestFind(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		ctx := context.Background()
		ada := mustOperator(t, s, "ada@example.com")
		billing, err := s.Teams.Create(ctx, team.Input{Name: testutil.Ptr("Billing"), MemberIDs: &[]int64{ada.ID}}, support.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			ref  string
			want int64 // 0 for not found
		}{
			{fmt.Sprint(billing.ID), billing.ID},
			{fmt.Sprint(support.ID), support.ID},
			{"billing", billing.ID},
			{" BILLING ", billing.ID},
			{"support", support.ID},
			{"bill", 0},
			{"999999", 0},
			{"", 0},
		}
		for _, tc := range cases {
			got, err := s.Teams.Find(ctx, d.Read, tc.ref)
			if tc.want == 0 {
				if !errors.Is(err, domain.ErrNotFound) || !errors.Is(err, team.ErrNotFound) {
					t.Errorf("Find(%q) = %d, %v; want not found", tc.ref, got.ID, err)
				}
				continue
			}
			if err != nil || got.ID != tc.want {
				t.Errorf("Find(%q) = %d, %v; want %d", tc.ref, got.ID, err, tc.want)
			}
		}
		for _, alias := range []string{"billing@localhost", " Billing@LocalHost "} {
			if got, err := s.Teams.ByAlias(ctx, alias); err != nil || got.ID != billing.ID {
				t.Errorf("ByAlias(%q) = %d, %v; want billing", alias, got.ID, err)
			}
		}
		if _, err := s.Teams.ByAlias(ctx, "nobody@localhost"); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("ByAlias of an unknown address: %v, want not found", err)
		}
		if got, err := s.Teams.Get(ctx, billing.ID); err != nil || !slices.Equal(got.MemberIDs, []int64{ada.ID}) {
			t.Errorf("Get(billing) members %v, %v; want ada", got.MemberIDs, err)
		}
	})
}

// Teams are remembered for ticket creation and mail intake; a change made
// here must show in the very next lookup.
func TestLookupsSeeChangesAtOnce(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s, support := setup(t, d)
		ctx := context.Background()
		if _, err := s.Teams.Find(ctx, d.Read, "support"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.ByAlias(ctx, "support@localhost"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.Update(ctx, support.ID, team.Input{Slug: testutil.Ptr("help"),
			EmailAlias: testutil.Ptr("help@localhost")}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.Find(ctx, d.Read, "support"); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("old slug after the change: %v, want not found", err)
		}
		if _, err := s.Teams.ByAlias(ctx, "support@localhost"); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("old alias after the change: %v, want not found", err)
		}
		if got, err := s.Teams.ByAlias(ctx, "help@localhost"); err != nil || got.ID != support.ID {
			t.Errorf("new alias = %+v, %v", got, err)
		}
		if err := s.Forms.SetPublished(ctx, support.ID, false); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Teams.Find(ctx, d.Read, "help"); got.Channels.Form {
			t.Errorf("form switched off, lookup still says on: %+v", got.Channels)
		}
		p, err := s.Pipelines.Get(ctx, support.PipelineID)
		if err != nil {
			t.Fatal(err)
		}
		if first, _ := s.Pipelines.FirstOpen(ctx, d.Read, p.ID); first.Name != "New" {
			t.Fatalf("first open = %q", first.Name)
		}
		reordered := []pipeline.StatusInput{}
		for _, st := range slices.Backward(p.Statuses) {
			reordered = append(reordered, pipeline.StatusInput{ID: st.ID, Name: st.Name, Kind: st.Kind})
		}
		if _, err := s.Pipelines.Update(ctx, p.ID, pipeline.Update{Statuses: reordered}); err != nil {
			t.Fatal(err)
		}
		if first, _ := s.Pipelines.FirstOpen(ctx, d.Read, p.ID); first.Name != "Waiting" {
			t.Errorf("first open after reordering = %q, want Waiting", first.Name)
		}
	})
}
