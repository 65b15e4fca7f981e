package ticket_test

import (
	"context"
	"errors"
	"testing"

	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/domain"
	"github.com/frontdesk/frontdesk/internal/operator"
	"github.com/frontdesk/frontdesk/internal/pipeline"
	"github.com/frontdesk/frontdesk/internal/team"
	"github.com/frontdesk/frontdesk/internal/testutil"
	"github.com/frontdesk/frontdesk/internal/ticket"
)

func TestPipelineTeamLimits(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		s := testutil.Services(t, d)
		ctx := context.Background()
		sales := salesTeam(t, s)
		outsider := mustOperator(t, s, "out@example.com", "Out")
		seller := mustOperator(t, s, "sell@example.com", "Sell")
		admin, err := s.Operators.Create(ctx, operator.NewOperator{Email: "boss@example.com", Name: "Boss", Role: operator.Admin})
		if err != nil {
			t.Fatal(err)
		}
		salesT, err := s.Teams.Find(ctx, d.Read, "sales")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Teams.Update(ctx, salesT.ID, team.Input{MemberIDs: &[]int64{seller.ID}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Pipelines.Update(ctx, sales.ID, pipeline.Update{Teams: &[]int64{salesT.ID}}); err != nil {
			t.Fatal(err)
		}
		deal := mustCreate(t, s, ticket.NewTicket{Subject: "Big deal", Team: "sales", Contact: newTicket("", "b@example.com").Contact})
		support := mustCreate(t, s, newTicket("Help", "c@example.com"))

		for _, tc := range []struct {
			who  operator.Operator
			sees bool
		}{{outsider, false}, {seller, true}} {
			page, err := s.Tickets.List(ctx, ticket.Filter{Viewer: tc.who.ID})
			if err != nil {
				t.Fatal(err)
			}
			if got := subjects(page.Items); (len(got) == 2) != tc.sees {
				t.Errorf("%s lists %v", tc.who.Name, got)
			}
			if err := s.Tickets.Visible(ctx, deal.ID, tc.who.ID); errors.Is(err, domain.ErrNotFound) == tc.sees {
				t.Errorf("%s: Visible(deal) = %v", tc.who.Name, err)
			}
		}
		page, _ := s.Tickets.List(ctx, ticket.Filter{Viewer: outsider.ID, Q: "deal"})
		if len(page.Items) != 0 {
			t.Errorf("search shows the outsider %v", subjects(page.Items))
		}
		_, err = s.Tickets.Update(ctx, support.ID, ticket.Patch{Team: pointerTo("sales"), ActorID: outsider.ID})
		if !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("outsider moved a ticket into the limited pipeline: %v", err)
		}
		if got := getTicket(t, s, support.ID); got.Team.Slug != "support" {
			t.Errorf("refused move changed the team to %q", got.Team.Slug)
		}
		if _, err := s.Tickets.Create(ctx, ticket.NewTicket{Subject: "Sneak", Team: "sales", ActorID: outsider.ID,
			Contact: newTicket("", "d@example.com").Contact}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("outsider opened a ticket in the limited pipeline: %v", err)
		}
		patchTicket(t, s, support.ID, ticket.Patch{Team: pointerTo("sales"), ActorID: admin.ID})
		if err := s.Tickets.Visible(ctx, deal.ID, admin.ID); err != nil {
			t.Errorf("admin cannot see the deal: %v", err)
		}
	})
}
