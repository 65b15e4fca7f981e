package outbound

// Defaults are the templates of a team that changed nothing. All three are
// on: a customer who writes in hears that the request arrived and, later,
// that it was closed. Loop protection (loop.go) keeps the automatic ones
// away from machines.
func Defaults() map[Kind]Template {
	return map[Kind]Template{
		Reply: {Kind: Reply, Enabled: true, Subject: "[#{{ticket.number}}] {{ticket.subject}}",
			Body: "{{message.body}}\n\n{{agent.name}}\n{{team.name}}\n\n" +
				"You can also follow your request online: {{ticket_url}}"},
		Received: {Kind: Received, Enabled: true, Subject: "[#{{ticket.number}}] We received your request: {{ticket.subject}}",
			Body: "Hello {{contact.first_name}},\n\nthank you for writing to {{team.name}}. Your request has the " +
				"number #{{ticket.number}}; we will answer as soon as we can.\n\nFollow it or add to it here: " +
				"{{ticket_url}}\nor simply reply to this mail.\n\n{{team.name}}"},
		Closed: {Kind: Closed, Enabled: true, Subject: "[#{{ticket.number}}] Closed: {{ticket.subject}}",
			Body: "Hello {{contact.first_name}},\n\nyour request #{{ticket.number}} \"{{ticket.subject}}\" is now " +
				"closed. If something is still missing, reply to this mail and it opens again.\n\n" +
				"{{ticket_url}}\n\nHow did we do? One click tells us:\n{{rating_links}}\n\n{{team.name}}"},
	}
}
