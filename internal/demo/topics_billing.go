package demo

// billingTopics are the Billing team's invoices, charges and plans.
var billingTopics = []*topic{
	{
		team: "billing", priority: 1, tags: []string{"invoice", "vat"},
		subjects: []string{"Corrected invoice needed for {invoice}", "Company details on invoice {invoice}",
			"Invoice {invoice} rejected by our accounts team"},
		openings: []string{
			"Our accounts team rejected invoice {invoice} because it doesn't show our VAT ID. Could you reissue it with VAT number DE{vat} and our company name, {companyname}?",
			"Invoice {invoice} is addressed to me personally, but the subscription was bought for {companyname}. We need the company as the billing party, with purchase order number PO-{po}.",
		},
		asks: []string{
			"Happy to correct that. Could you confirm the exact legal name and the billing address as they should appear on the invoice?",
			"Sure. Should the corrected invoice replace {invoice} (we then issue a credit note for the old one), or do you only need the PO number added?",
		},
		infos: []string{"Legal name: {companyname}, {street}, {city}. VAT number as above.",
			"Please replace it; our auditors want the credit note too."},
		updates: []string{"Thanks! I've asked our finance team to reissue it; corrected invoices go out in their Thursday batch."},
		notes: []string{
			"@{colleague} can you reissue {invoice} with the VAT ID? I don't have finance rights in Stripe.",
			"VAT number checked in VIES: valid.",
			"Annual {plan} plan, invoice {invoice}, {amount}. Credit note needed for the old one.",
		},
		resolves: []string{
			"Here is the corrected invoice {invoice2} with your company details, together with the credit note for {invoice}. Future invoices will use these details automatically.",
		},
	},
	{
		team: "billing", priority: 0, tags: []string{"invoice"},
		subjects: []string{"Copies of past invoices", "Where can I find old invoices?"},
		openings: []string{
			"Could you send me all invoices for our {plan} plan from the last six months as PDFs? I can only download the latest one from the dashboard.",
			"I can't find the invoice for {month} in the dashboard. Our bookkeeper needs it by the end of the week.",
		},
		asks:  []string{"Of course. Should they go to {email}, or to your bookkeeper directly?"},
		infos: []string{"To me is fine, thanks.", "Please send them to {email2}, that's our accounts inbox."},
		notes: []string{"The {month} invoice failed to generate because of the card change that month. @{colleague} is that the known Stripe webhook issue?"},
		resolves: []string{
			"I've sent the invoices as one ZIP file. You'll also find the full history under Dashboard > Billing > Invoices from now on; we added older invoices there last month.",
		},
	},
	{
		team: "billing", priority: 2, tags: []string{"payment", "refund"},
		subjects: []string{"Charged twice this month", "Duplicate charge of {amount}"},
		openings: []string{
			"I see two charges of {amount} from BRIGHTLOOP on my statement on the same day. I only have one {plan} subscription. Please refund the duplicate.",
		},
		asks: []string{
			"I'm sorry for the confusion. I only see one successful charge on our side; the second may be a pending authorisation that your bank will release. Could you send a screenshot of the two lines on your statement (feel free to hide the other transactions)?",
		},
		infos:   []string{"Screenshot attached. Both show as completed, not pending."},
		updates: []string{"Thanks for the screenshot. You're right: our payment provider retried a payment that had actually gone through. I've refunded the duplicate charge of {amount}."},
		notes: []string{
			"Duplicate from the payment retry bug during the {weekday} incident. @{colleague} are we refunding all affected customers proactively?",
			"Refunded {amount}, Stripe ref {ref}.",
		},
		resolves: []string{"The refund of {amount} has gone out; it should appear on your statement within 5 business days. Sorry again for the trouble."},
		reopens:  []string{"The refund still hasn't appeared, and now my bank says they have no record of it."},
		refixes:  []string{"I've checked with our payment provider: the refund of {amount} went out with reference {ref}. Banks sometimes show a refund as a new credit rather than a reversed charge; with the reference your bank can find it."},
	},
	{
		team: "billing", priority: 2, tags: []string{"payment"},
		subjects: []string{"Payment failed but my card is fine", "Why was my card declined?"},
		openings: []string{
			"I got an email saying my payment failed and my {plan} plan will be downgraded. My card is valid and has plenty of funds. Nothing changed on my side.",
		},
		asks: []string{
			"Your bank declined the charge with the code \"do_not_honor\", which banks use when their fraud check blocks a payment. Could you ask them to allow payments from BRIGHTLOOP, or add another card under Dashboard > Billing?",
		},
		infos:    []string{"I called the bank. They say it was their fraud filter and they've allowed you now.", "I added my other card. Can you try again?"},
		updates:  []string{"I've retried the payment and it went through. Your {plan} plan stays active; nothing was downgraded."},
		notes:    []string{"do_not_honor from the issuing bank, nothing we can do but retry.", "Paused the dunning emails for this account until {weekday}."},
		resolves: []string{"Everything is settled: the payment for {month} went through and your plan is active. I've closed this ticket."},
	},
	{
		team: "billing", priority: 1, tags: []string{"payment"},
		subjects: []string{"Unexpected charge of {amount}", "What is this charge?"},
		openings: []string{
			"There is a charge of {amount} on my card I don't recognise. I cancelled my subscription in {month}. What is this for?",
		},
		asks:    []string{"Let me check. Could you tell me the date of the charge and the email address of the account you cancelled?"},
		infos:   []string{"It was on the 3rd, and the account is {email}."},
		updates: []string{"Found it: you cancelled the Plus plan, but the Pro add-on was a separate subscription and kept running. I've cancelled it as well."},
		notes:   []string{"The {month} cancellation was for the Plus plan; this charge is the Pro add-on bought separately. Refunding as goodwill.", "@{colleague} the cancel flow should really offer to cancel add-ons too."},
		resolves: []string{
			"I've refunded the {amount} since you didn't use the add-on after cancelling. Sorry for the confusion; nothing else will be charged.",
		},
	},
	{
		team: "billing", priority: 0, tags: []string{"subscription", "cancellation"},
		subjects: []string{"Cancel my subscription", "Please cancel {plan} at the end of the period"},
		openings: []string{
			"Please cancel my {plan} subscription at the end of the current period. We're moving out and the new place has the landlord's system.",
		},
		asks: []string{
			"Sorry to see you go! Before I cancel: would pausing the subscription for up to 3 months help? Your history and schedules stay intact. If not, just confirm and I'll cancel at the end of the period.",
		},
		infos: []string{"No pause needed, please cancel. Thanks for asking though."},
		notes: []string{"Customer mentioned the landlord's system. Possible lead for Sales? @{colleague}"},
		resolves: []string{
			"Your subscription is cancelled and stays active until the end of the paid period. Your devices keep working locally without a subscription; only the cloud features stop.",
		},
	},
	{
		team: "billing", priority: 0, tags: []string{"subscription"},
		subjects: []string{"Downgrade from {plan} to Plus", "Upgraded by mistake"},
		openings: []string{
			"I upgraded to {plan} by mistake last week. Can I go back to Plus and get the difference refunded?",
			"We don't use any of the {plan} features. Could you move us back to Plus and refund what we paid extra this month?",
		},
		asks:    []string{"Absolutely. The change happens right away and the remaining days are credited pro rata. Shall I go ahead?"},
		infos:   []string{"Yes, please go ahead."},
		updates: []string{"Done. You'll receive a confirmation from our billing system shortly."},
		notes:   []string{"Proration comes to {amount}; refunding rather than crediting since they asked."},
		resolves: []string{
			"All set: the change is made and the difference of {amount} is settled. You'll see it on your next invoice.",
		},
	},
}
