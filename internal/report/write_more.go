package report

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
	_, err = w.tx.ExecContext(w.ctx, `INSERT INTO report_sla_days (day, team_id, channel, priority, operator_id,
		policy_id, target, met, due) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (day, team_id, channel, priority, operator_id, policy_id, target) DO UPDATE SET
		met = report_sla_days.met + excluded.met, due = report_sla_days.due + excluded.due`,
		day, k.team, k.channel, k.priority, k.operator, policy, target, c.slaMet, c.slaDue)
	if err != nil {
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
	_, err = w.tx.ExecContext(w.ctx, `INSERT INTO report_tag_days (day, team_id, channel, priority, operator_id, tag,
		created, closed) SELECT $1, $2, $3, $4, $5, tag, $6, $7 FROM ticket_tags WHERE ticket_id = $8
		ON CONFLICT (day, team_id, channel, priority, operator_id, tag) DO UPDATE SET
		created = report_tag_days.created + excluded.created, closed = report_tag_days.closed + excluded.closed`,
		day, k.team, k.channel, k.priority, k.operator, created, closed, w.ticketID)
	return err
}

// hourCreated counts a creation in its local hour, for the heat map.
func (w *writer) hourCreated(k key) error {
	day, err := w.day(k.team)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(w.ctx, `INSERT INTO report_hour_days (day, team_id, channel, priority, operator_id,
		hour, created) VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (day, team_id, channel, priority, operator_id, hour)
		DO UPDATE SET created = report_hour_days.created + 1`,
		day, k.team, k.channel, k.priority, k.operator, w.at.In(w.zones[k.team]).Hour())
	return err
}
