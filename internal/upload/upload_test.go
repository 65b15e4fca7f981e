package upload_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/upload"
)

func zipOf(t *testing.T, names ...string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte("x"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCheck(t *testing.T) {
	p := upload.Policy{MaxSize: 1 << 20, MaxFiles: 5}
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	for _, c := range []struct {
		name, content, ctype, refused string
	}{
		{"scan.pdf", "%PDF-1.7 a scan", "application/pdf", ""},
		{"Photo.PNG", png, "image/png", ""},
		{"notes.txt", "line one\nline two", "text/plain", ""},
		{"report.docx", zipOf(t, "[Content_Types].xml", "word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ""},
		{"phone.heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic", ""},
		{"app.docx", zipOf(t, "META-INF/MANIFEST.MF", "a/Main.class"), "", "program"},
		{"game.xlsx", zipOf(t, "AndroidManifest.xml", "classes.dex"), "", "program"},
		{"tool.pdf", "\xcf\xfa\xed\xfe\x07\x00\x00\x01", "", "program"},
		{"Main.txt", "\xca\xfe\xba\xbe\x00\x00\x00\x34", "", "program"},
		{"run.txt", "#!/bin/sh\necho hi", "", "program"},
		{"setup.exe. ", "%PDF-1.4", "", "program"},
		{"INVOICE.PDF.EXE", "%PDF-1.4", "", "program"},
		{"script.ps1", "Write-Host hi", "", "program"},
		{"page.txt", "<html><body>hi</body></html>", "", "something else"},
		{"pic.jpg", png, "", "something else"},
		{"archive.zip", zipOf(t, "a.txt"), "", "not a kind of file we accept"},
		{"big.pdf", "%PDF-" + strings.Repeat("x", 1<<20), "", "too large"},
	} {
		ctype, refused := p.Check(c.name, strings.NewReader(c.content), int64(len(c.content)))
		switch {
		case c.refused == "" && refused != nil:
			t.Errorf("%s refused: %s", c.name, refused.Message())
		case c.refused == "" && ctype != c.ctype:
			t.Errorf("%s: type %q, want %q", c.name, ctype, c.ctype)
		case c.refused != "" && (refused == nil || !strings.Contains(refused.Message(), c.refused)):
			t.Errorf("%s: %v, want refused with %q", c.name, refused, c.refused)
		}
	}
}
