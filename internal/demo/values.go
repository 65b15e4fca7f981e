package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	products = []string{"Loop Thermostat", "Loop Hub", "Loop Sensor 3-pack", "Loop Smart Plug", "Loop Leak Sensor",
		"Loop Doorbell", "Loop Radiator Valve"}
	plans    = []string{"Plus", "Pro", "Business"}
	carriers = []string{"DHL", "UPS", "DPD", "FedEx", "PostNL", "GLS"}
	cities   = []string{"Rotterdam", "Leipzig", "Lyon", "Manchester", "Porto", "Gothenburg", "Turin", "Ghent",
		"Kraków", "Bristol", "Hamburg", "Valencia"}
	amounts   = []string{"€49.00", "€89.00", "€129.00", "€149.00", "€199.00", "€249.00", "€11.99", "€119.90"}
	endpoints = []string{"/v2/devices", "/v2/readings", "/v2/webhooks", "/v2/schedules", "/v2/homes",
		"/v2/devices/batch"}
	phones   = [][2]string{{"iPhone 15", "iOS 17.5"}, {"iPhone 13 mini", "iOS 17.4"}, {"Pixel 8", "Android 14"}, {"Galaxy S23", "Android 14"}, {"OnePlus 11", "Android 13"}}
	browsers = []string{"Chrome 126", "Firefox 127", "Safari 17.5", "Edge 126"}
	features = []string{"exporting readings to CSV", "a dark mode in the app", "separate schedules per room",
		"open-window detection", "Apple Home support", "bulk editing of schedules across devices",
		"a holiday mode with an end date", "temperature history longer than 30 days"}
	streets        = []string{"Hafenstraße 12", "12 Wharf Road", "Rua das Flores 88", "Kungsgatan 40", "Via Roma 7"}
	otherCompanies = []string{"Otter Lane Bakery", "Greenway Cafés", "Mistral Yoga Studios", "Quayside Hostels",
		"Fennel & Thyme Catering", "Larkspur Co-working"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// values returns the placeholder pairs of one ticket: the customer, and
// the order numbers, devices and versions that stay the same in its thread.
func values(rng *rand.Rand, p *plan) []string {
	c := p.customer
	org, company := "", c.company
	if company != "" {
		org = "\n" + company
	} else {
		company = pick(rng, otherCompanies)
	}
	local := strings.ToLower(c.first) + "." + strings.ToLower(strings.ReplaceAll(c.last, " ", ""))
	v := []string{"{first}", c.first, "{last}", c.last, "{full}", c.first + " " + c.last, "{email}", c.email,
		"{email2}", strings.ReplaceAll(local, "'", "") + "@work.example", "{org}", org, "{companyname}", company,
		"{team}", p.team.Name}
	v = append(v, commerceValues(rng, p.created)...)
	return append(v, techValues(rng, p.created)...)
}

func commerceValues(rng *rand.Rand, created time.Time) []string {
	num := func(format string, lo, hi int) string { return fmt.Sprintf(format, lo+rng.IntN(hi-lo)) }
	year := created.Year()
	return []string{
		"{order}", num("BL-%06d", 100000, 999999), "{order2}", num("BL-%06d", 100000, 999999),
		"{invoice}", fmt.Sprintf("INV-%d-%05d", year, rng.IntN(90000)+10000),
		"{invoice2}", fmt.Sprintf("INV-%d-%05d", year, rng.IntN(90000)+10000),
		"{amount}", pick(rng, amounts), "{product}", pick(rng, products), "{plan}", pick(rng, plans),
		"{carrier}", pick(rng, carriers), "{tracking}", num("1Z%08d", 10000000, 99999999) + num("%08d", 0, 99999999),
		"{tracking2}", num("1Z%08d", 10000000, 99999999) + num("%08d", 0, 99999999),
		"{city}", pick(rng, cities), "{days}", num("%d", 3, 12), "{weekday}", pick(rng, weekdays),
		"{month}", created.AddDate(0, -1, 0).Month().String(), "{nextmonth}", created.AddDate(0, 2, 0).Month().String(),
		"{orderdate}", created.AddDate(0, 0, -rng.IntN(10)-4).Format("January 2"),
		"{ref}", num("R-%06d", 100000, 999999), "{last4}", num("%04d", 0, 9999), "{vat}", num("%09d", 100000000, 999999999),
		"{po}", num("%05d", 10000, 99999), "{street}", pick(rng, streets), "{qty}", pick(rng, []string{"25", "40", "60", "120", "250", "400"}),
		"{count}", num("%d", 3, 40), "{quarter}", num("%d", 1, 5), "{since}", num("%d", 2019, 2024),
	}
}

func techValues(rng *rand.Rand, created time.Time) []string {
	minor, fw := 8+rng.IntN(6), 6+rng.IntN(3)
	phone := pick(rng, phones)
	return []string{
		"{endpoint}", pick(rng, endpoints), "{request}", fmt.Sprintf("req_%016x", rng.Uint64()),
		"{hex}", fmt.Sprintf("%012x", rng.Uint64()>>16), "{serial}", fmt.Sprintf("%04X-%04X", rng.IntN(0x10000), rng.IntN(0x10000)),
		"{issue}", fmt.Sprint(1000 + rng.IntN(4000)), "{issue2}", fmt.Sprint(1000 + rng.IntN(4000)),
		"{version}", fmt.Sprintf("4.%d.%d", minor, rng.IntN(4)), "{version2}", fmt.Sprintf("4.%d.0", minor+1),
		"{firmware}", fmt.Sprintf("3.%d.%d", fw, rng.IntN(5)), "{firmware2}", fmt.Sprintf("3.%d.0", fw+1),
		"{device}", phone[0], "{os}", phone[1], "{browser}", pick(rng, browsers), "{feature}", pick(rng, features),
		"{release}", fmt.Sprintf("%d.%02d.%d", created.Year(), int(created.Month()), 1+rng.IntN(4)),
	}
}
