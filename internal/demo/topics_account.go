package demo

// accountTopics are Support's sign-in problems and how-to questions.
var accountTopics = []*topic{
	{
		team: "support", priority: 2, tags: []string{"login", "account"},
		subjects: []string{"Password reset email never arrives", "Can't log in to the app"},
		openings: []string{
			"I can't log in to the Brightloop app since this morning. It says \"Invalid credentials\", but I'm sure the password is right, and the reset email never arrives (I checked spam too). My account email is {email}.",
			"I asked for a password reset three times now and no email has come. Is something wrong with my account?",
		},
		asks: []string{
			"Sorry about that. I can see the reset emails leaving our system, but they bounce at your mail provider. Do you have another address we could send the reset link to?",
		},
		infos:   []string{"You can use my work address {email2} instead.", "Please try {email2}, that one definitely works."},
		updates: []string{"I've sent a reset link to the new address; it's valid for one hour. I've also made that address your login, as you asked."},
		notes: []string{
			"Reset mails to this domain bounce with 550 \"mailbox unavailable\". Not our problem, but @{colleague} maybe worth a line in the help center.",
			"Changed the login email on request; old address kept as secondary.",
		},
		resolves: []string{"Glad you're back in! I'm closing this ticket. If the reset mails ever go missing again, check whether your mailbox is full; that was the cause here."},
		reopens:  []string{"It worked for a day and now the app says my password is wrong again."},
		refixes:  []string{"Your account was locked for safety after several sign-in attempts with your old password, probably an old session on another device. I've unlocked it; signing out everywhere under Settings > Security stops it from happening again."},
	},
	{
		team: "support", priority: 1, tags: []string{"login", "dashboard"},
		subjects: []string{"Login loop on the web dashboard", "Dashboard keeps sending me back to the login page"},
		openings: []string{
			"When I sign in on the web dashboard in {browser}, it accepts my password and then immediately sends me back to the login page. It works on my phone. I've already cleared cookies.",
		},
		asks: []string{"Thanks for the details. Do you use a privacy extension, or block third-party cookies in {browser}? The dashboard needs a cookie from auth.brightloop.example."},
		infos: []string{"Yes, I use uBlock and Privacy Badger. Turning them off for your site fixed it! Weird though.",
			"I block all third-party cookies, yes. Allowing your domain fixed it."},
		updates: []string{"That's the cause. Engineering is changing the dashboard so it no longer needs that cookie; until then, an exception for auth.brightloop.example does the trick."},
		notes: []string{
			"Known issue with strict cookie settings, see the wiki page \"dashboard cookies\". Fix queued for the next release.",
			"@{colleague} the fourth login loop this week, all with {browser}. Can we get the fix out sooner?",
		},
		resolves: []string{"The fix is live: the dashboard no longer depends on third-party cookies, so you can turn your extensions back on. Closing this one."},
	},
	{
		team: "support", priority: 2, tags: []string{"login", "2fa"},
		subjects: []string{"Locked out after changing phones", "Lost my two-factor device"},
		openings: []string{
			"I got a new phone and now the app asks for a two-factor code, but the authenticator app was on the old phone. How do I get back in?",
		},
		asks: []string{
			"To reset two-factor authentication I have to verify that you own the account. Please reply with the serial number of one of your devices (it's on the label on the back) and the city of the home in the app.",
		},
		infos:   []string{"The serial is BL-{serial}, and the home is in {city}."},
		updates: []string{"Thanks, you're verified. I've turned off two-factor on your account; please sign in and set it up again under Settings > Security, and keep the recovery codes somewhere safe this time."},
		notes:   []string{"Identity verified with serial BL-{serial}, which matches the account. OK to reset 2FA.", "@{colleague} can you double-check the serial before I reset? Policy says two people for 2FA resets."},
		resolves: []string{
			"Great to hear you're back in! Next time, the \"Use recovery code\" link on the two-factor screen gets you in without waiting for us.",
		},
	},
	{
		team: "support", priority: 0, tags: []string{"how-to", "sharing"},
		subjects: []string{"How do I share access with my partner?", "Second user for our home"},
		openings: []string{
			"How do I give my partner access to our thermostat without sharing my password? We both want to control it from our phones.",
			"My flatmate wants to use the app too. Can she get her own login for our home?",
		},
		asks:  []string{"Happy to help! Which version of the app are you on (Settings > About)? The menu moved in 4.12."},
		infos: []string{"It says version {version} on my {device}."},
		resolves: []string{
			"You can invite people under Settings > Home > Members > Invite. They get an email, create their own login and can control every device in the home. You can remove them from the same screen at any time.",
		},
		notes: []string{"Third question this week about sharing. @{colleague} the help center article still shows the old screens."},
	},
	{
		team: "support", priority: 0, tags: []string{"how-to", "schedule"},
		subjects: []string{"Different schedule on weekends", "Schedule question"},
		openings: []string{
			"I'd like the heating to follow a different schedule on weekends. I can only find one schedule in the app. Is that possible?",
		},
		asks:  []string{"Sure. Before I explain: do you use the schedule on the thermostat itself or the one in the app? They behave a bit differently."},
		infos: []string{"The one in the app, I never touched the thermostat's own menu."},
		resolves: []string{
			"Schedules can cover different days: open the schedule, tap the row of days at the top and untick Saturday and Sunday, then tap \"+ Add schedule\" for the weekend one.",
		},
		notes: []string{"Linked the help center article on schedules. If this keeps coming up we should make it a canned response."},
	},
	{
		team: "support", priority: 0, tags: []string{"how-to", "geofencing"},
		subjects: []string{"Away mode turns on while I'm at home", "Heating goes to away mode by itself"},
		openings: []string{
			"Away mode kicks in while I'm still at home, usually in the evening. Is it based on my phone's location? Can I turn that off?",
		},
		asks:  []string{"It is, when geofencing is on. Which phone do you have? Some battery savers stop the app from reporting your location."},
		infos: []string{"A {device} with {os}. Battery saver is on most of the time, yes."},
		resolves: []string{
			"Away mode uses your phone's location when geofencing is on. Either exclude the Brightloop app from the battery saver, or turn geofencing off under Settings > Home > Geofencing and use the schedule alone.",
		},
		notes: []string{"Battery saver killing the location updates again. @{colleague} do we have a help article for {device}?"},
	},
}
