package report

import (
	"context"
	"sort"

	"github.com/frontdesk/frontdesk/internal/geoip"
)

// ChatCountry is the chat sessions of one visitor country in a period,
// and how many of them were missed. Country is the ISO code, "" when the
// country was not known (no GeoIP database, or an address it lacks).
type ChatCountry struct {
	Country  string `json:"country"`
	Name     string `json:"name"`
	Sessions int    `json:"sessions"`
	Missed   int    `json:"missed"`
}

// chatCountries is read per shape of team and operator, as the other
// chat roll-ups.
var chatCountries = newQuery(3, `SELECT country, SUM(sessions), SUM(missed) FROM report_chat_country_days
	WHERE day >= $1 AND day <= $2{where} GROUP BY country`)

// ChatCountries answers the sessions by visitor country for f (its team
// and operator), busiest first.
func (s *Service) ChatCountries(ctx context.Context, f Filter) ([]ChatCountry, error) {
	if err := s.CatchUp(ctx); err != nil {
		return nil, err
	}
	by := map[string]*ChatCountry{}
	from, to := f.dates()
	err := f.eachTeam(func(team int64) error {
		text, args := f.chatRun(chatCountries, team, from, to)
		rows, err := s.DB.Read.QueryContext(ctx, text, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c ChatCountry
			if err := rows.Scan(&c.Country, &c.Sessions, &c.Missed); err != nil {
				return err
			}
			if by[c.Country] == nil {
				by[c.Country] = &ChatCountry{Country: c.Country, Name: geoip.CountryName(c.Country)}
			}
			by[c.Country].Sessions += c.Sessions
			by[c.Country].Missed += c.Missed
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return sortedCountries(by), nil
}

// sortedCountries puts the busiest first, then by name; the unknown
// country last among equals.
func sortedCountries(by map[string]*ChatCountry) []ChatCountry {
	out := make([]ChatCountry, 0, len(by))
	for _, c := range by {
		if c.Sessions > 0 {
			out = append(out, *c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Sessions != out[j].Sessions {
			return out[i].Sessions > out[j].Sessions
		}
		if (out[i].Country == "") != (out[j].Country == "") {
			return out[j].Country == ""
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// chatCountryUpsert counts sessions (missed or not) under the visitor's
// country.
var chatCountryUpsert = newUpsert("report_chat_country_days", 4, "day", "team_id", "operator_id", "country",
	"sessions", "missed")

func bumpCountry(ctx context.Context, out sink, day string, team, operator int64, country string, missed int) error {
	return out.add(ctx, chatCountryUpsert, day, team, operator, country, 1, missed)
}
