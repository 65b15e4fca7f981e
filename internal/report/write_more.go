package report

// The breakdowns' roll-ups (migration 0063, sums 0068).
var (
	slaUpsert = newUpsert("report_sla_days", 7, "day", "team_id", "channel", "priority", "operator_id", "policy_id",
		"target", "met", "due")
	tagsUpsert = newUpsert("report_tag_days", 6, "day", "team_id", "channel", "priority", "operator_id", "tag",
		"created", "closed")
	hoursUpsert = newUpsert("report_hour_days", 6, "day", "team_id", "channel", "priority", "operator_id", "hour",
		"created")
	sumHoursUpsert = newUpsert("report_sum_hours", 3, "team_id", "day", "hour", "created")
	sumSLAUpsert   = newUpsert("report_sum_sla", 5, "team_id", "day", "target", "dim", "dim_id", "met", "due")
)

// slaTarget counts a settled SLA target under its policy: c holds the
// outcome (slaDue 1 when the target settled, slaMet 1 when on time).
func (w *writer) slaTarget(k key, policy int64, target string, c counts) error {
	if c.slaDue == 0 {
		return nil
	}
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	if err := w.out.add(w.ctx, slaUpsert, day, k.team, k.channel, k.priority, k.operator, policy, target, c.slaMet,
		c.slaDue); err != nil {
		return err
	}
	var rows []any
	for _, team := range []int64{k.team, 0} {
		rows = append(rows, team, day, target, "policy", policy, c.slaMet, c.slaDue,
			team, day, target, "operator", k.operator, c.slaMet, c.slaDue)
	}
	if err := w.out.add(w.ctx, sumSLAUpsert, rows...); err != nil {
		return err
	}
	// The row behind the count, for the list of the tickets that missed.
	_, err = w.tx.ExecContext(w.ctx, `INSERT INTO report_sla_events (ticket_id, day, team_id, channel, priority,
		operator_id, policy_id, target, met) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		w.ticketID, day, k.team, k.channel, k.priority, k.operator, policy, target, c.slaMet == 1)
	return err
}

// tags counts a creation or a close under each tag the ticket has now.
func (w *writer) tags(k key, created, closed int) error {
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	tags, err := w.tagsOf(w.ctx, w.ticketID)
	if err != nil {
		return err
	}
	for _, tag := range tags {
		if err := w.out.add(w.ctx, tagsUpsert, day, k.team, k.channel, k.priority, k.operator, tag, created,
			closed); err != nil {
			return err
		}
		if err := w.out.add(w.ctx, sliceTagsUpsert, k.team, "tag", tag, day, created, closed,
			0, "tag", tag, day, created, closed); err != nil {
			return err
		}
	}
	return nil
}

// hourCreated counts a creation in its local hour, for the heat map.
func (w *writer) hourCreated(k key) error {
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	hour := w.at.In(w.zones[k.team]).Hour()
	if err := w.out.add(w.ctx, hoursUpsert, day, k.team, k.channel, k.priority, k.operator, hour, 1); err != nil {
		return err
	}
	return w.out.add(w.ctx, sumHoursUpsert, k.team, day, hour, 1, 0, day, hour, 1)
}
