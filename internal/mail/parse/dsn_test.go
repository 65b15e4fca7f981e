package parse

import "testing"

// TestDamagedBounce: a delivery report whose MIME structure is damaged is
// still read as a bounce, with the recipient that failed.
func TestDamagedBounce(t *testing.T) {
	const status = "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; gone@example.com\nAction: failed\nStatus: 5.1.1\n"
	tests := []struct{ name, raw string }{
		{"boundary on a continuation line that lost its indent",
			"Content-Type: multipart/report; report-type=delivery-status;\nboundary=\"r\"\n\n--r\n\nFailed.\n--r\nContent-Type: message/delivery-status\n\n" + status + "\n--r--\n"},
		{"declared boundary never appears",
			"Content-Type: multipart/report; report-type=delivery-status; boundary=\"declared\"\n\n--used\nContent-Type: text/plain\n\nFailed.\n--used\nContent-Type: message/delivery-status\n\n" + status + "\n--used--\n"},
		{"inner alternative never closed",
			"Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n--r\nContent-Type: multipart/alternative; boundary=\"a\"\n\n--a\n\nFailed.\n--r\nContent-Type: message/delivery-status\n\n" + status + "\n--r--\n"},
		{"no delimiter left at all",
			"Content-Type: multipart/report; report-type=delivery-status\n\nThis is a delivery failure.\n\n" + status},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFailed(t, Parse([]byte(tt.raw)).Delivery, "gone@example.com")
		})
	}
	t.Run("fixture", func(t *testing.T) {
		checkFailed(t, parseFile(t, "bounce-damaged.eml").Delivery, "olaf@example.se")
	})
	if d := Parse([]byte("Content-Type: text/plain\n\n" + status)).Delivery; d != nil {
		t.Errorf("a customer's text quoting status fields read as a bounce: %+v", d)
	}
}

func checkFailed(t *testing.T, d *DeliveryReport, want string) {
	t.Helper()
	if d == nil {
		t.Fatal("not recognised as a delivery report")
	}
	if failed := d.Failed(); len(failed) != 1 || failed[0].Address != want {
		t.Errorf("failed recipients = %+v, want %s", failed, want)
	}
}
