package demo

// technicalTopics are the Technical team's API, webhook and app cases.
var technicalTopics = []*topic{
	{
		team: "technical", priority: 3, tags: []string{"api", "bug"},
		subjects: []string{"API returns 500 on {endpoint}", "POST {endpoint} fails with internal error"},
		openings: []string{
			"Since about 09:40 UTC today every POST to {endpoint} returns HTTP 500 with the body {\"error\":\"internal\"}. GET requests work fine. Example request id: {request}. This is blocking our production sync for {qty} devices.",
		},
		asks: []string{"Thanks for the request id, that helps. Could you send the full body of one failing call (with the API key removed) and its exact time? I want to check whether one particular device triggers it."},
		infos: []string{
			"Here's one failing body: {\"device_id\": \"dev_{hex}\", \"mode\": \"eco\", \"target\": 19.5}, sent at 10:12:07 UTC.",
		},
		updates: []string{"I reproduced the 500: it happens when the target temperature has a decimal and the device is in eco mode. Our engineers have a fix in review; as a workaround, send whole numbers for now."},
		notes: []string{
			"Reproduced locally with the customer's payload: decimal target + eco mode -> panic in the schedule validator. Filed ENG-{issue}.",
			"@{colleague} are we seeing more 5xx on {endpoint} in Grafana? Three customers since this morning.",
			"Escalated to on-call. Status page updated.",
		},
		resolves: []string{"The fix is deployed (release {release}). POSTs to {endpoint} with decimal targets work again; I tested with your example payload. Sorry for the disruption."},
		declines: []string{"We've decided to keep the rule that eco mode only takes whole degrees, as the devices can't hold anything finer in that mode. What we fixed is the answer: such a request now gets a 422 that says so instead of a 500. Rounding the target before sending avoids it."},
		reopens:  []string{"We're seeing the same 500s again since tonight's deploy. Request id {request}."},
		refixes:  []string{"Last night's deploy brought the bug back through a second code path. That one is fixed now too, and both paths have a test. Sorry for the repeat!"},
	},
	{
		team: "technical", priority: 2, tags: []string{"api", "rate-limit"},
		subjects: []string{"429 Too Many Requests although we're under the limit", "Rate limited at 40 requests per minute"},
		openings: []string{
			"We get 429 responses on {endpoint} after about 40 requests per minute, but our plan says 600 per minute. We send everything from one server with one API key. X-RateLimit-Remaining drops to 0 right after a reset.",
		},
		asks:  []string{"Are you polling {endpoint} for each device separately? A sample of your request log with timestamps would help, and the IP addresses you call from."},
		infos: []string{"Yes, we poll each device every 10 seconds. Log attached. We call from one server, but it has both IPv4 and IPv6."},
		updates: []string{
			"Found it: the rate limiter counted requests per key and per IP, and your server's IPv4 and IPv6 addresses were counted as separate clients with half the limit each. Engineering deploys a fix this afternoon.",
		},
		notes: []string{
			"Rate limiter dashboard shows this key at 41 rpm when throttled. Looks like the per-IP bucket, not the plan limit. ENG-{issue}.",
			"@{colleague} we should also suggest /v2/devices/batch, polling each device every 10 s is wasteful either way.",
		},
		declines: []string{"The limit per key and per IP is there on purpose, to protect the shared infrastructure, so we won't merge the two. With /v2/devices/batch your {qty} devices need a handful of calls per minute instead of hundreds, well under the limit."},
		resolves: []string{"The rate limiter fix is live: you get the full 600 requests per minute again, and the X-RateLimit headers show the right numbers. For {qty} devices, /v2/devices/batch will also save you most of those calls."},
	},
	{
		team: "technical", priority: 2, tags: []string{"api", "auth"},
		subjects: []string{"401 Unauthorized with a new API key", "New API key doesn't work"},
		openings: []string{
			"A brand-new API key created in the dashboard gets 401 Unauthorized on every call. We pass it as \"Authorization: Bearer <key>\". The old key still works. Request id {request}.",
		},
		asks:     []string{"Which version header do you send? Keys created since {month} are tied to API version 2024-06-01 and refuse older versions."},
		infos:    []string{"We send \"Brightloop-Version: 2023-10-01\". Should that be different?"},
		updates:  []string{"That's it: your version header is older than the key. Use \"Brightloop-Version: 2024-06-01\", or drop the header to get the key's default, and the 401s should disappear."},
		notes:    []string{"Version mismatch, third case this month. ENG-{issue}: the error should say so instead of a bare 401."},
		declines: []string{"New keys refuse the 2023 API version on purpose: we're retiring it at the end of the year. Please move to 2024-06-01; the migration guide lists the three changes that matter."},
		resolves: []string{"Glad the new header solved it. We've also improved the error: a version mismatch now returns a message that says so."},
	},
	{
		team: "technical", priority: 1, tags: []string{"api", "performance"},
		subjects: []string{"Timeouts calling {endpoint}", "{endpoint} takes over 30 seconds"},
		openings: []string{
			"Calls to {endpoint} started timing out after 30 seconds on {weekday}. About one in five requests. We call from AWS eu-central-1.",
		},
		asks:  []string{"Do you go through a proxy or API gateway on your side? And how many homes and devices does one call return?"},
		infos: []string{"There's an nginx in front of our workers, yes. One call returns around {qty} devices."},
		notes: []string{"Server logs show the calls completing in 35-45 s and the client closing at 30 s. Their proxy, not us.", "@{colleague} any chance we add cursor pagination to this endpoint soon?"},
		declines: []string{
			"We looked into it: the timeouts come from the proxy on your side, which closes connections after 30 s, while large homes take up to 45 s on this endpoint. We won't raise the server timeout, but paginating with limit=100 keeps every call well under 10 s.",
		},
		resolves: []string{"With limit=100 and the cursor from each page, your calls now finish in under 5 s according to our logs. Closing this one."},
	},
	{
		team: "technical", priority: 2, tags: []string{"webhooks"},
		subjects: []string{"Webhooks stopped arriving", "No webhook deliveries since {weekday}"},
		openings: []string{
			"Our endpoint hasn't received any webhooks since {weekday}. The dashboard shows the subscription as active and the last delivery as successful. Nothing changed on our side as far as I know.",
		},
		asks:     []string{"Could you check whether your endpoint started answering with a redirect? We suspend a subscription after 3 days of 3xx responses, and the dashboard doesn't show that clearly."},
		infos:    []string{"Ah. We moved the endpoint behind a load balancer that redirects http to https on {weekday}. Our subscription still points at http://."},
		updates:  []string{"That explains it. Update the subscription URL to https:// and press \"Resend failed\"; we keep failed events for 7 days."},
		notes:    []string{"Delivery log shows 301 from their endpoint since {weekday}. The dashboard shows 'successful' because it treats 3xx as OK. Filed ENG-{issue}, that part is our bug."},
		declines: []string{"We don't follow redirects for webhook deliveries, on purpose: a redirect could send your events somewhere you never chose. Please point the subscription at the final https:// address; the \"Resend failed\" button then delivers what you missed."},
		resolves: []string{"Great to hear everything arrives again. We've also fixed the dashboard: it now warns when an endpoint answers with redirects."},
	},
	{
		team: "technical", priority: 1, tags: []string{"webhooks", "security"},
		subjects: []string{"Webhook signature verification fails", "Brightloop-Signature doesn't match"},
		openings: []string{
			"We verify the Brightloop-Signature header as the docs describe (HMAC-SHA256 over the body), but about 10% of deliveries fail. It seems to happen when the payload has non-ASCII characters, like room names with umlauts.",
		},
		asks:     []string{"Do you compute the HMAC over the raw request bytes, or over a re-serialised JSON object? Re-serialising changes how non-ASCII characters are escaped."},
		infos:    []string{"We use Express with bodyParser.json() and then JSON.stringify(req.body). So yes, re-serialised."},
		updates:  []string{"That's the cause. Verify the signature over the raw body (express.raw({type: 'application/json'})) and parse the JSON afterwards."},
		notes:    []string{"Classic re-serialisation issue. @{colleague} can we put a Node example in the docs?"},
		declines: []string{"We sign the exact bytes we send and won't switch to a normalised form of the JSON, since every library re-serialises differently. Verify over the raw body, then parse; that works in every language."},
		resolves: []string{"Glad it works! I've asked the docs team to add an Express example that uses the raw body, so others don't run into this."},
	},
	{
		team: "technical", priority: 0, tags: []string{"webhooks", "docs"},
		subjects: []string{"Duplicate webhook deliveries", "Same device.offline event arrives twice"},
		openings: []string{"We receive each device.offline event two or three times, a few seconds apart, with the same event id. Is that expected?"},
		notes:    []string{"Duplicates are by design (at-least-once), but the docs don't say so. @{colleague} docs PR?"},
		resolves: []string{"Yes: deliveries are at-least-once, so the same event id can arrive more than once, for example when your endpoint answers slowly. Deduplicate on the event id. I've added a paragraph about it to the webhooks docs."},
		declines: []string{"This is by design: we deliver at least once and retry when an answer takes over 5 s, so the same event id can arrive more than once. We won't switch to exactly-once delivery, but deduplicating on the event id handles it."},
	},
}
