package demo

// salesTopics are the Sales team's quotes and partnerships.
var salesTopics = []*topic{
	{
		team: "sales", priority: 1, tags: []string{"quote", "b2b"},
		subjects: []string{"Quote for {qty} thermostats", "Volume pricing for {companyname}", "Smart heating for our buildings"},
		openings: []string{
			"We manage {qty} apartments and are looking at smart thermostats for the whole portfolio. Could you send a quote for {qty} Loop Thermostats and hubs, including installation if you offer it?",
			"I'm the facilities manager at {companyname}. We'd like to equip our {count} offices with Loop sensors and thermostats. Do you have volume pricing and an option to pay by invoice?",
		},
		asks: []string{
			"Thanks for your interest! To put together the right offer: what heating systems are in the buildings (gas boilers, heat pumps, district heating), and when would you like to start?",
			"Happy to help. Would you need the Business plan for central management, and should we arrange installation through our partner installers?",
		},
		infos: []string{
			"Mostly gas boilers, some heat pumps in the newer buildings. We'd like to start in {nextmonth}.",
			"Yes, central management is the main reason. We'd install ourselves, we have an in-house technician.",
		},
		updates: []string{
			"Thanks, that's helpful. I've attached a proposal with tiered pricing for {qty} units and the Business plan. The offer is valid for 30 days; happy to walk your team through it on a call.",
		},
		notes: []string{
			"Lead from the property management webinar. Budget approved for Q{quarter}, according to their LinkedIn post.",
			"@{colleague} can we go to 18% off list at this volume? The last deal this size got 15%.",
			"The decision maker is the CFO; {first} is our champion. Follow up in a week.",
		},
		resolves: []string{
			"Wonderful, thank you for the signed order! Your account manager will be in touch about delivery dates, and the Business plan is active on your account from today.",
		},
		declines: []string{
			"Thanks for letting us know, and for considering Brightloop. I understand the budget didn't stretch this year. If things change, we can renew the offer anytime.",
			"Understood: an integration with your building management system is a must-have that we can't offer yet. I'll let you know as soon as we do.",
		},
		reopens: []string{"One more thing: our second building wants the same setup. Can we add {count} thermostats to the order?"},
		refixes: []string{"Done: I've added {count} thermostats to your order at the same volume price, and the delivery plan is updated."},
	},
	{
		team: "sales", priority: 0, tags: []string{"partner"},
		subjects: []string{"Installer partnership", "Reseller conditions", "Stocking Brightloop in our shop"},
		openings: []string{
			"We're a heating installer in {city} with 12 technicians. Do you have a partner programme for installers? Customers ask us about Loop thermostats more and more.",
			"I run an electronics shop in {city} and would like to stock Brightloop devices. What are your conditions for resellers?",
		},
		asks:  []string{"Great to hear from you! Roughly how many units would you expect to install or sell per month, and would you like to be listed in our installer finder?"},
		infos: []string{"Around 30 to 50 a month, more in autumn. And yes, the finder listing would be great."},
		updates: []string{
			"Thanks! I've sent you our partner agreement and the wholesale price list. Once it's signed we'll set up your partner account and a training session for your team.",
		},
		notes: []string{"We have no partner in {city} yet. Worth prioritising. @{colleague}", "Checked their reviews and registration, all good."},
		resolves: []string{
			"Welcome aboard! Your partner account is active and you're listed in the installer finder. The training is booked for {weekday} at 10:00.",
		},
		reopens: []string{"Quick follow-up: the training date clashes with a big installation job. Could we move it to the week after?"},
		refixes: []string{"No problem: the training is moved to the same time the week after. You'll get a new invitation shortly."},
		declines: []string{
			"Thanks for your interest. For now we only add partners who can commit to at least 50 units per quarter, so we can't go ahead at the moment. I'll keep your details and get back to you when we open the programme more widely.",
		},
	},
}
