package demo

// supportTopics are the everyday requests of the Support team: parcels,
// returns, accounts and how-to questions. Each topic is one kind of case,
// so any of its texts follows any other.
var supportTopics = []*topic{
	{
		team: "support", priority: 1, tags: []string{"shipping", "order"},
		subjects: []string{"Order {order} still not delivered", "Where is my {product}?",
			"Tracking for {order} hasn't moved in {days} days", "Delivery delayed - order {order}"},
		openings: []string{
			"I ordered a {product} on {orderdate} (order {order}) and the {carrier} tracking page still says \"label created\". It has been {days} days now. Can you check what is going on? I need it before the weekend because we have guests coming.",
			"My order {order} was supposed to arrive last {weekday} but nothing has shown up. The {carrier} tracking number {tracking} says it's in a depot in {city} and hasn't moved since. Is it lost?",
			"Quick question about order {order}: the confirmation email said 2-3 business days, and it's now day {days}. Could you tell me when it will arrive?",
		},
		asks: []string{
			"I'm sorry the parcel is taking this long. I've asked {carrier} to open a trace on {tracking}. Could you confirm the delivery address on the order is still correct, including the flat or apartment number? A missing unit number sometimes sends parcels back to the depot.",
			"Thanks for the order number. {carrier} shows a failed delivery attempt on {weekday}. Were you at home that day, and is there a safe place or a neighbour we can name for the second attempt?",
		},
		infos: []string{
			"Yes, the address is right, but the flat number is 4B and I think I left it out. Sorry about that!",
			"I was at work on {weekday}. The neighbour at number 12 is happy to take it.",
			"The address is correct. Nobody rang the bell, I was at home all day.",
		},
		updates: []string{
			"Quick update: {carrier} found the parcel at their {city} hub, it had been missorted. It's back on a van and should reach you within two business days. I'll keep an eye on the tracking.",
			"I've checked with our warehouse: order {order} left us on time, the delay is on the {carrier} side. They promise delivery by {weekday}. If it hasn't arrived by then, I'll send a replacement right away.",
		},
		notes: []string{
			"{carrier} trace opened, reference {ref}. They usually answer within 48h.",
			"@{colleague} this is the third {city} parcel stuck this week. Do we know of a problem at that depot?",
			"Customer has been waiting {days} days. If the trace isn't back by tomorrow, let's ship a replacement; it's cheaper than the back and forth.",
			"Checked the warehouse system: packed and handed over on time. Nothing on our side.",
		},
		resolves: []string{
			"Good news: {carrier} shows order {order} as delivered this morning. I'm closing this ticket, but just reply here if anything is missing from the box.",
			"Since the parcel didn't turn up, I've shipped a replacement {product} by express (new tracking number {tracking2}). If the first one appears later, keep it or pass it on; no need to send it back.",
		},
		reopens: []string{
			"Sorry to reopen this: the tracking says delivered, but there is nothing here and none of my neighbours have it.",
			"The replacement hasn't arrived either. The tracking for {tracking2} stopped updating two days ago.",
		},
		refixes: []string{
			"I'm so sorry! {carrier} confirmed the driver left the parcel at the wrong address. A new {product} is on its way by express (tracking {tracking2}); if the first one turns up, keep it.",
			"{carrier} found the replacement at their {city} hub and delivered it this afternoon. Thank you for bearing with us through all of this.",
		},
	},
	{
		team: "support", priority: 1, tags: []string{"damaged", "order"},
		subjects: []string{"{product} arrived damaged", "Dead on arrival: {product}", "New {product} broken out of the box"},
		openings: []string{
			"The {product} from order {order} arrived today with a cracked front panel. The box looked fine from the outside, so it probably happened before packing. I've attached photos. What's the quickest way to get a new one?",
			"My new {product} (order {order}) doesn't power on at all. I tried fresh batteries and another socket. Something rattles inside when I shake it.",
		},
		asks: []string{
			"I'm sorry it arrived like that. To send a replacement I need the serial number printed on the back of the device (it starts with BL-). A photo of the label is fine too.",
		},
		infos: []string{"The serial number is BL-{serial}. Photo attached.", "Here you go: BL-{serial}. The label was a bit hard to read, hope that's right."},
		updates: []string{
			"Thanks, that's all I need. A replacement is reserved for you and ships tomorrow morning. I've emailed you a prepaid return label for the faulty unit; there's no rush, you have 30 days to send it back.",
		},
		notes: []string{
			"Second damaged {product} from the same batch this month. @{colleague} can you flag it to the warehouse lead?",
			"Replacement order created: {order2}. Return label sent.",
			"The photo shows the crack on the front, clearly transit damage. No need for the customer to send it back.",
		},
		resolves: []string{
			"The replacement was delivered yesterday according to {carrier}. I hope this one works perfectly. Closing the ticket now; you can reply here anytime.",
			"Your replacement {product} is on its way, tracking number {tracking2}. Once the return scan shows up we'll close the loop on our side; nothing else is needed from you.",
		},
	},
	{
		team: "support", priority: 1, tags: []string{"wrong-item", "order"},
		subjects: []string{"Wrong item in order {order}", "Received the wrong product"},
		openings: []string{
			"I ordered a {product}, but the box contained a Loop Smart Plug instead. Order number {order}. I'd like the correct item please, and a return label for the plug.",
			"Order {order} was for a Loop Sensor 3-pack, but I only got a single sensor. The packing slip says 3-pack though.",
		},
		asks: []string{
			"Sorry for the mix-up! Could you send a photo of the packing slip and the shipping label on the box? Our warehouse needs both to find out where it went wrong.",
		},
		infos:   []string{"Photos of the slip and the label attached.", "Here are the photos. The label is slightly torn but the barcode is fine."},
		updates: []string{"Thanks! The warehouse confirmed the mistake: two orders were packed at the same station and swapped. The right item ships today."},
		notes: []string{
			"Packing station swap, warehouse confirmed. Order {order2} is the other customer's; @{colleague} can you check they got ours?",
			"Sent a return label for the wrong item. No need to wait for it before shipping the right one.",
		},
		resolves: []string{
			"The correct item is on its way (tracking {tracking2}) and a prepaid return label for the wrong one is in your inbox. Sorry again for the trouble!",
		},
	},
	{
		team: "support", priority: 0, tags: []string{"return", "refund"},
		subjects: []string{"Return request: {product}", "I'd like to return my {product}"},
		openings: []string{
			"I bought a {product} {days} days ago, but it doesn't work with our old heating system (two wires, no C-wire). I'd like to return it for a full refund. The box is still in good shape.",
			"We moved and the new flat already has a thermostat. Can I return the {product} from order {order}? It's unopened.",
		},
		asks: []string{
			"Of course, returns within 30 days are free. Would you like the refund to the original payment method, or as store credit (store credit comes with a 10% bonus)?",
		},
		infos: []string{"Original payment method please, it was a Visa ending in {last4}.",
			"Store credit is fine, I'll probably get the Loop Hub later anyway."},
		updates: []string{
			"I've approved the return and emailed you a prepaid {carrier} label. Drop the parcel at any {carrier} point; the refund starts automatically when our warehouse scans it.",
		},
		notes: []string{
			"Outside the 30-day window by 3 days. Approving anyway, customer since {since}.",
			"C-wire question again. @{colleague} should the product page say more clearly that older two-wire systems need the adapter?",
		},
		resolves: []string{
			"Your return arrived and the refund of {amount} went out today. Depending on your bank it takes a few days to show. Thanks for giving Brightloop a try!",
			"The return is booked in and your store credit is on your account, ready for your next order.",
		},
	},
	{
		team: "support", priority: 1, tags: []string{"refund"},
		subjects: []string{"Still waiting for my refund", "Refund for order {order} not received"},
		openings: []string{
			"I sent back the {product} from order {order} two weeks ago ({carrier} tracking {tracking}) and I still haven't seen the refund of {amount}. Can you check?",
		},
		asks: []string{
			"I can see the return arrived at our warehouse on {weekday}. Refunds go out after the inspection, which takes up to 5 business days. Could you confirm the last four digits of the card you paid with, so I can match the payment?",
		},
		infos:   []string{"The card ends in {last4}.", "It was paid with PayPal, not a card."},
		updates: []string{"The inspection is done and the refund of {amount} is approved. Banks usually need 3 to 5 business days to show it."},
		notes: []string{
			"Refund of {amount} issued in Stripe, ref {ref}.",
			"@{colleague} can you check why the warehouse hasn't scanned return {ref}? It was delivered on {weekday}.",
		},
		resolves: []string{
			"All done: {amount} is on its way back to you, payment reference {ref}. I'm closing this ticket; reply here if it hasn't arrived within a week.",
		},
		reopens: []string{
			"It's been 8 business days and the refund still isn't on my statement. Can you send me the transaction reference so my bank can trace it?",
		},
		refixes: []string{
			"Of course: the reference is {ref}. Our payment provider confirms the refund of {amount} was sent on {weekday}; with the reference your bank can find it. Reply here if they still can't.",
		},
	},
}
