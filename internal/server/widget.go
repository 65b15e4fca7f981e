package server

import (
	"context"

	"github.com/frontdesk/frontdesk/internal/app"
	"github.com/frontdesk/frontdesk/internal/portal"
)

// widgetConfig gives the portal a team's widget settings: the team by
// slug, its widget channel switch, and what internal/widget keeps.
type widgetConfig struct{ s *app.Services }

func (c widgetConfig) WidgetSettings(ctx context.Context, slug string) (portal.WidgetSettings, error) {
	t, err := c.s.Teams.Find(ctx, c.s.DB.Read, slug)
	if err != nil {
		return portal.WidgetSettings{}, err
	}
	w, err := c.s.Widgets.Get(ctx, t.ID)
	if err != nil {
		return portal.WidgetSettings{}, err
	}
	return portal.WidgetSettings{TeamSlug: t.Slug, Enabled: t.Channels.Widget, Secret: w.Secret,
		AllowedOrigins: w.Origins, RequireVerified: w.RequireVerified, Color: w.Color}, nil
}
