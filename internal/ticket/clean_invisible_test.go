package ticket

import "testing"

// Characters that change how a name reads without showing, and are not
// controls or format characters (Cc, Cf), are dropped all the same.
func TestCleanFilenameDropsInvisibleSeparatorsAndSelectors(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"invoice\u2028exe.pdf", "invoiceexe.pdf"},         // LINE SEPARATOR (Zl): two lines
		{"invoice\u2029exe.pdf", "invoiceexe.pdf"},         // PARAGRAPH SEPARATOR (Zp)
		{"invoice\uFE0F.pdf", "invoice.pdf"},               // VARIATION SELECTOR-16 (Mn)
		{"invoice\uFE00.pdf", "invoice.pdf"},               // VARIATION SELECTOR-1
		{"invoice\U000E0100.pdf", "invoice.pdf"},           // VARIATION SELECTOR-17
		{"invoice\U000E01EF.pdf", "invoice.pdf"},           // VARIATION SELECTOR-256
		{"invoice\U000E0065\U000E0078.pdf", "invoice.pdf"}, // TAG LATIN SMALL LETTER E, X
		{"invoice\U000E007F.pdf", "invoice.pdf"},           // CANCEL TAG
		{"caf\u00e9 \u2764.pdf", "caf\u00e9 \u2764.pdf"},   // what shows stays
	} {
		if got := CleanFilename(c.name); got != c.want {
			t.Errorf("CleanFilename(%+q) = %+q, want %+q", c.name, got, c.want)
		}
	}
}
