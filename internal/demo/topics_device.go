package demo

// deviceTopics are the Technical team's app bugs, device problems and
// feature requests.
var deviceTopics = []*topic{
	{
		team: "technical", priority: 2, tags: []string{"bug", "app"},
		subjects: []string{"App crashes when opening the schedule", "Crash on the schedule screen ({version})"},
		openings: []string{
			"The app crashes every time I open the schedule screen.\n\nSteps to reproduce:\n1. Open the Brightloop app ({version}) on my {device}, {os}\n2. Tap Living room\n3. Tap Schedule\n\nExpected: the weekly schedule. Actual: the app closes immediately. Reinstalling didn't help.",
		},
		asks: []string{
			"Thank you for the detailed steps! Could you send us the diagnostics ID? Go to Settings > Help > Send diagnostics and paste the ID it shows here. That gives our developers the crash log.",
			"Thanks, I can't reproduce it on my test phone yet. Does it happen for every room or only some? And does any day have more than 10 time slots?",
		},
		infos:   []string{"Diagnostics ID: diag-{hex}", "Only the living room. It has 12 slots on Mondays, I like it warm in the evenings."},
		updates: []string{"Your diagnostics helped: the crash happens when a day has more than 10 slots. The fix is in {version2}, which is in review with the app stores now."},
		notes: []string{
			"Crash log: IndexOutOfBounds in ScheduleDayView when slots > 10. Filed ENG-{issue}, same root cause as ENG-{issue2}.",
			"@{colleague} can you try this on an Android phone? I only have iPhones here.",
		},
		declines: []string{"The thermostat itself can store only 10 time slots a day, so we won't make the app accept more. The next version explains the limit when you add an 11th slot instead of crashing; merging two of your evening slots gets the schedule screen working today."},
		resolves: []string{"{version2} is now in the app stores and fixes the crash. Please update, and let us know if the schedule still won't open."},
		reopens:  []string{"I updated to {version2} and it still crashes, same steps."},
		refixes:  []string{"Thanks for checking so quickly. The crash had a second cause: a slot that ends exactly at midnight. A small update out today fixes that too; I tried it with a copy of your schedule."},
	},
	{
		team: "technical", priority: 1, tags: []string{"bug", "app"},
		subjects: []string{"Room disappears after renaming it", "Bug: renamed room gone from the list"},
		openings: []string{
			"Steps: rename a room (e.g. \"Kitchen\" to \"Kitchen & dining\"), go back to the home screen, pull to refresh. The room is gone from the list, but its devices still work. I think it only happens with an & in the name. App {version}, {device}.",
		},
		asks:     []string{"Thanks for the clear steps! Does it also happen with a / or a + in the name?"},
		infos:    []string{"Yes, the / does it too. A + is fine."},
		updates:  []string{"Reproduced: the & and / in a room name break the list refresh. The fix is ready; until it ships, you can use \"and\" instead of & to get the room back."},
		notes:    []string{"Room name isn't URL-encoded in the refresh call. ENG-{issue}.", "Reproduced on staging with {version}, not on {version2}-beta."},
		declines: []string{"Room names can only hold letters, digits and spaces, because the thermostat's display can't show other characters. We'll keep that limit; the next version simply won't let you type an & rather than losing the room."},
		resolves: []string{"The fix is out in {version2}. After updating, the room shows up again, with its & and all."},
	},
	{
		team: "technical", priority: 0, tags: []string{"bug", "app"},
		subjects: []string{"Home screen shows °F although set to °C", "Wrong temperature unit in the widget"},
		openings: []string{
			"After the update to {version}, the home screen widget shows temperatures in Fahrenheit even though Settings says Celsius. The device page shows Celsius correctly. {device}, {os}.",
		},
		asks:  []string{"Could you check which region your phone is set to (in the phone's own settings, not the app)?"},
		infos: []string{"The phone is set to United States, because of work. The language is English."},
		notes: []string{"Widget follows the phone's region by design. @{colleague} do we want an override? Product said no last time."},
		declines: []string{
			"After checking with our mobile team: the widget follows your phone's region on purpose, so it matches the rest of your phone. We won't change that, but you can set the unit per widget by long-pressing it and choosing Edit.",
		},
		resolves: []string{"Good news: from {version2} on, the widget has its own unit setting. Long-press it, choose Edit and pick °C. Thanks for raising this!"},
	},
	{
		team: "technical", priority: 2, tags: []string{"device", "connectivity"},
		subjects: []string{"Hub keeps going offline", "Loop Hub disconnects several times a day"},
		openings: []string{
			"Our Loop Hub goes offline several times a day for 5 to 10 minutes. The Wi-Fi is fine and other devices stay connected. Firmware {firmware}. It sits about 3 m from the router.",
		},
		asks:    []string{"Could you share the hub's diagnostics (Settings > Devices > Hub > Diagnostics > Share)? They include the Wi-Fi signal history, which shows whether it drops or roams."},
		infos:   []string{"Diagnostics shared, reference diag-{hex}. We have a mesh system with three access points, if that matters."},
		updates: []string{"The diagnostics show the hub jumping between two access points with the same network name every few minutes. Firmware {firmware2} fixes that; I've scheduled it for your hub tonight."},
		notes: []string{
			"Firmware {firmware} has a known issue with mesh networks, ENG-{issue}. Fix in {firmware2}.",
			"Pushed firmware {firmware2} to this hub manually from the admin console.",
		},
		declines: []string{"Your mesh system moves the hub between access points faster than its radio can follow, and firmware can't change that. Most mesh systems offer a separate 2.4 GHz network for smart devices; with the hub on that one it stays online."},
		resolves: []string{"The hub is on {firmware2} now and has stayed online for 48 hours. Closing this, but reply if it drops again."},
		reopens:  []string{"It went offline again twice yesterday evening, even with the new firmware."},
		refixes:  []string{"The new firmware fixed the roaming, but the diagnostics show a second cause: your router restarts every evening and the hub waited too long to reconnect. I've shortened its reconnect interval from our side, and it has stayed online since."},
	},
	{
		team: "technical", priority: 2, tags: []string{"device", "firmware"},
		subjects: []string{"Firmware update stuck at 60%", "Update hangs on my {product}"},
		openings: []string{
			"The firmware update on my {product} has been stuck at 60% for two hours. The LED is blinking orange. Should I unplug it?",
		},
		asks:     []string{"Please don't unplug it yet. Could you tell me the rhythm of the orange blinking, and whether the device is connected by cable or Wi-Fi?"},
		infos:    []string{"Two short blinks, then a pause. Wi-Fi, no cable."},
		updates:  []string{"Two short orange blinks means it's waiting to retry the download. I've pushed the update again from our side; it should finish within 15 minutes."},
		notes:    []string{"CDN hiccup this morning, several devices stuck at 60%. @{colleague} can you re-push to the affected list?"},
		declines: []string{"The update can't finish on this unit: its memory reports errors, so no newer firmware will fit on it. Rather than keep trying, we're replacing the device; the return label is in your inbox."},
		resolves: []string{"Your {product} finished the update and runs {firmware2} now. Thanks for your patience, and for not unplugging it!"},
	},
	{
		team: "technical", priority: 1, tags: []string{"device", "wifi"},
		subjects: []string{"Thermostat offline after changing router", "New router, thermostat won't connect"},
		openings: []string{
			"I changed my internet provider and router, and now the thermostat shows as offline. How do I connect it to the new Wi-Fi without losing my schedules?",
		},
		asks:    []string{"Which Wi-Fi bands does the new router use? The thermostat only supports 2.4 GHz, and many new routers put 2.4 and 5 GHz under one network name."},
		infos:   []string{"The router has one network name for both bands. I think I can split them in its settings."},
		updates: []string{"Once the 2.4 GHz network has its own name, go to Settings > Devices > Thermostat > Wi-Fi and pick it. Your schedules are stored in the cloud and stay as they are."},
		notes:   []string{"Band steering again. @{colleague} we should add this to the troubleshooting wizard."},
		declines: []string{
			"Unfortunately the {product} can't use 5 GHz networks; its radio simply doesn't support it, and a firmware update can't change that. A small 2.4 GHz extender solves it if the router can't split the bands.",
		},
		resolves: []string{"Great, with the separate 2.4 GHz network the thermostat joined right away and kept all its schedules. Enjoy!"},
	},
	{
		team: "technical", priority: 1, tags: []string{"device", "battery"},
		subjects: []string{"Leak sensor battery drains in a week", "Battery empty after 8 days"},
		openings: []string{"The new leak sensor used up a fresh battery in 8 days. The first one lasted a year. Is there a setting that could cause this?"},
		asks:     []string{"Could you open the sensor in the app and tell me what it says under Reporting interval?"},
		infos:    []string{"It says 10 seconds. I never changed that."},
		notes:    []string{"Sensor reports every 10 s instead of 10 min; config got corrupted during pairing. @{colleague} same as last week's case?"},
		declines: []string{"A 10-second interval is the sensor's live mode, meant for installers while they test, and it does use a battery a week. We won't change that mode, but switching back to Normal under Reporting interval gives you about a year per battery again."},
		resolves: []string{"I've reset the sensor's reporting interval to 10 minutes from our side and sent a replacement battery by post. It should last about a year again."},
	},
	{
		team: "technical", priority: 0, tags: []string{"feature-request"},
		subjects: []string{"Feature request: {feature}", "Any plans for {feature}?", "Suggestion: {feature}"},
		openings: []string{
			"Love the thermostat so far. One thing I miss: {feature}. Is that on the roadmap?",
			"A feature request from our facilities team: {feature}. We manage {qty} devices across several buildings, and doing it by hand takes hours.",
			"Would it be possible to add {feature}? Right now I work around it with a spreadsheet.",
		},
		asks:    []string{"Thanks for the suggestion! To pass it on properly: how would you use it day to day, and how often? Concrete examples help our product team a lot."},
		infos:   []string{"Every month, for our energy report to the building owners.", "Mostly at weekends, when nobody is in the office."},
		updates: []string{"I've added your request to our product board with your example. Other customers have asked for it too, so it's being discussed for next quarter."},
		notes: []string{
			"Added +1 on the product board item for {feature} (now {count} votes).",
			"@{colleague} isn't part of this possible through the API already? Could point them there meanwhile.",
		},
		resolves: []string{"Good news: {feature} is part of today's release. You'll find it in the app after updating. Thanks for suggesting it!"},
		declines: []string{
			"Thanks again for the idea. The product team decided not to build {feature} for now: it would need firmware changes that older devices can't take. I'm sorry that's not the answer you hoped for; the API lets you build something similar if you're technical.",
			"We've looked at {feature} carefully, but it doesn't fit where the app is going this year, so we're closing the request. Your comments stay on the product board in case that changes.",
		},
	},
}
