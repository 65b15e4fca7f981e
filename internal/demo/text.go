package demo

import "slices"

// part is one kind of thing said in a thread.
type part int

const (
	partOpening part = iota // the customer's first message
	partAsk                 // an operator asks for details
	partInfo                // the customer gives them
	partUpdate              // an operator reports progress
	partNote                // operators among themselves
	partResolve             // an operator closes the case
	partDecline             // an operator says no
	partThanks              // the customer is happy
	partNudge               // the customer chases an answer
	partReopen              // the customer says it is not solved
	partAccept              // the customer takes a no
	partRefix               // an operator solves what a reopening raised
	partConfirm             // the customer says the advice worked
)

// topic is one kind of request with the texts its threads are made of.
// Texts hold {placeholders} that each ticket fills with its own values.
type topic struct {
	team     string // slug of the team that handles it
	priority int    // the usual priority
	tags     []string
	subjects []string
	openings []string
	asks     []string
	infos    []string
	updates  []string
	notes    []string
	resolves []string
	declines []string
	reopens  []string
	refixes  []string // refixes[j] answers reopens[j]
}

var allTopics = slices.Concat(supportTopics, accountTopics, billingTopics, technicalTopics, deviceTopics, salesTopics)

// topicsFor returns the topics of team slug; a team the demo does not
// know gets the support topics.
func topicsFor(slug string) []*topic {
	var out []*topic
	for _, t := range allTopics {
		if t.team == slug {
			out = append(out, t)
		}
	}
	if len(out) == 0 && slug != "support" {
		return topicsFor("support")
	}
	return out
}

// pool returns the texts for pt: the topic's own, else the generic ones.
// Notes mix both.
func (t *topic) pool(pt part) []string {
	own := map[part][]string{partOpening: t.openings, partAsk: t.asks, partInfo: t.infos,
		partUpdate: t.updates, partNote: t.notes, partResolve: t.resolves, partDecline: t.declines,
		partReopen: t.reopens, partRefix: t.refixes}[pt]
	if pt == partNote {
		return slices.Concat(own, genericNotes)
	}
	if len(own) > 0 {
		return own
	}
	return genericPools[pt]
}

var genericNotes = []string{
	"Taking this one.",
	"@{colleague} could you have a look when you have a minute? You know this area better than I do.",
	"Checked the account: nothing unusual in the logs, no open incidents.",
	"Customer since {since}, on the {plan} plan. Always friendly.",
	"Waiting for engineering before I reply again.",
	"@{colleague} FYI, this is the same customer who called yesterday.",
}

var genericPools = map[part][]string{
	partAsk: {"Thanks for reaching out. Could you tell me a bit more: when did this start, and has anything changed on your side since then (new router, app update, new device)?"},
	partInfo: {"It started last {weekday}. Nothing changed that I know of.",
		"Here are the details you asked for. Let me know if you need anything else."},
	partUpdate: {"I've passed this on to the right people and will update you as soon as I hear back, by {weekday} at the latest.",
		"Quick update: I'm still on this and checking the last details with a colleague. You'll hear from me by {weekday}."},
	partResolve: {"This should be sorted now. I'm closing the ticket, but just reply here if anything is still off."},
	partDecline: {"I'm sorry, but this isn't something we can change on our side. I've noted your feedback for the team, and I'm closing the ticket for now."},
	partThanks: {"Thanks a lot, that solved it!", "Perfect, thank you for the quick help.",
		"Received, all good. Thanks {agent}!", "Great, thanks for sorting this out so fast.",
		"Thank you, much appreciated. Have a nice weekend!", "That did the trick. Thanks for your patience with me."},
	partNudge: {"Any update on this?", "Hi again, just checking whether there is any news. It's been a few days.",
		"Could someone please look at this? I haven't heard back yet.",
		"Hello? This is getting urgent for us.", "Adding to this: it happened again this morning."},
	partReopen: {"Sorry, I have to reopen this: the problem is back.",
		"Unfortunately this isn't solved for me. Same thing as before.",
		"I thought it was fixed, but it happened again today."},
	partRefix: {"I've gone through it again with our developers and found what we missed the first time; it's fixed on our side now. Sorry it took two rounds!",
		"Thanks for telling us. I've looked at it again from scratch and changed the setting that kept bringing the problem back. It should stay fixed now."},
	partConfirm: {"That worked, thank you!", "Done, and it looks good so far.", "OK, I did that and it seems fine now.",
		"Just tried it: all good on our side."},
	partAccept: {"Shame, but thanks for the honest answer.", "OK, understood. Thanks for looking into it anyway.",
		"Fair enough. Please keep me posted if that changes."},
}

var customerGreetings = []string{"Hi,", "Hello,", "Hi there,", "Hello Brightloop team,", "Hi support team,",
	"Good morning,", "Dear Brightloop support,", ""}

var customerSignoffs = []string{"Thanks,\n{first}", "Best regards,\n{full}{org}", "Cheers,\n{first}",
	"Thank you in advance!\n{first}", "Kind regards,\n{full}{org}", "Many thanks,\n{first}"}

var followGreetings = []string{"Hi {agent},", "Hello {agent},", "Hi,", ""}

var followSignoffs = []string{"{first}", "Thanks,\n{first}", "Best,\n{first}", ""}

var replyGreetings = []string{"Hi {first},", "Hello {first},", "Hi {first}, thanks for your message.",
	"Dear {first},", "Thanks for your patience, {first}."}

var replySignoffs = []string{"Best,\n{agent}", "Kind regards,\n{agent}\nBrightloop {team}", "Cheers,\n{agent}",
	"All the best,\n{agent} from the Brightloop {team} team", "Thanks,\n{agent}"}
