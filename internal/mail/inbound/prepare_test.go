package inbound

import "testing"

func TestMentionsHTML(t *testing.T) {
	for raw, want := range map[string]bool{
		"Content-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>": true,
		"Content-Type: TEXT/HTML\r\n\r\n<p>hi</p>":                true,
		"Content-Type: text/plain\r\n\r\n<script>x</script>":      false,
		"text/htm": false,
	} {
		if got := mentionsHTML([]byte(raw)); got != want {
			t.Errorf("mentionsHTML(%q) = %v, want %v", raw, got, want)
		}
	}
}
