package upload

import (
	"archive/zip"
	"bytes"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
)

// kind is a type of file people may send: what its content must look
// like, and the type it is stored and served as.
type kind struct {
	name  string // for messages: "a PDF"
	ctype string
	is    func(b []byte) bool
}

var (
	pdf   = kind{"a PDF", "application/pdf", prefix("%PDF-")}
	png   = kind{"a PNG image", "image/png", sniffed("image/png")}
	jpeg  = kind{"a JPEG image", "image/jpeg", sniffed("image/jpeg")}
	gif   = kind{"a GIF image", "image/gif", sniffed("image/gif")}
	webp  = kind{"a WebP image", "image/webp", sniffed("image/webp")}
	heic  = kind{"a HEIC image", "image/heic", isHEIC}
	rtf   = kind{"an RTF document", "application/rtf", prefix(`{\rtf`)}
	ole   = func(n, t string) kind { return kind{n, t, prefix("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")} }
	ooxml = func(n, t string) kind { return kind{n, t, sniffed("application/zip")} }
	text  = func(t string) kind { return kind{"a text file", t, isText} }
)

// kinds are the files anyone may attach, by extension: documents,
// images, text and office files. Everything else is refused, so a
// renamed program or a page that could run script never gets in.
var kinds = map[string]kind{
	".pdf": pdf, ".png": png, ".jpg": jpeg, ".jpeg": jpeg, ".gif": gif, ".webp": webp, ".heic": heic,
	".txt": text("text/plain"), ".log": text("text/plain"), ".csv": text("text/csv"),
	".md": text("text/markdown"), ".eml": text("message/rfc822"), ".rtf": rtf,
	".doc":  ole("a Word document", "application/msword"),
	".xls":  ole("an Excel workbook", "application/vnd.ms-excel"),
	".ppt":  ole("a PowerPoint file", "application/vnd.ms-powerpoint"),
	".docx": ooxml("a Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
	".xlsx": ooxml("an Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	".pptx": ooxml("a PowerPoint file", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
	".odt":  ooxml("an OpenDocument text", "application/vnd.oasis.opendocument.text"),
	".ods":  ooxml("an OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
}

// Accept is the file inputs' accept attribute: a hint to the browser;
// the server decides.
const Accept = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.txt,.csv,.log,.md,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.eml"

// typeOf finds the type of a file from its extension and checks that the
// content is of that type; the reason is empty when it is.
func typeOf(name string, body []byte) (string, string) {
	k, ok := kinds[extension(name)]
	if !ok {
		return "", "is not a kind of file we accept. Please send a document, an image or a text file " +
			"(PDF, PNG, JPEG, Word, Excel, text…)."
	}
	if !k.is(body) {
		return "", "is named like " + k.name + " but its content is something else."
	}
	return k.ctype, ""
}

// extension is the last extension, lower case, ignoring trailing dots
// and spaces, which Windows drops when it opens a file.
func extension(name string) string {
	return strings.ToLower(path.Ext(strings.TrimRight(name, ". ")))
}

func prefix(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

func sniffed(want string) func([]byte) bool {
	return func(b []byte) bool {
		mt, _, _ := mime.ParseMediaType(http.DetectContentType(b))
		return mt == want
	}
}

// isText accepts what a browser would read as plain text, never HTML.
func isText(b []byte) bool {
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(b))
	return mt == "text/plain"
}

func isHEIC(b []byte) bool {
	if len(b) < 12 || string(b[4:8]) != "ftyp" {
		return false
	}
	switch string(b[8:12]) {
	case "heic", "heix", "hevc", "hevx", "mif1", "msf1":
		return true
	}
	return false
}

// programNames are extensions Windows, macOS, Android or a browser runs.
var programNames = map[string]bool{
	".exe": true, ".bat": true, ".cmd": true, ".com": true, ".scr": true, ".js": true, ".jse": true,
	".vbs": true, ".vbe": true, ".ps1": true, ".msi": true, ".msp": true, ".jar": true, ".apk": true,
	".pif": true, ".cpl": true, ".hta": true, ".wsf": true, ".lnk": true, ".dll": true, ".sh": true,
	".app": true, ".dmg": true, ".reg": true,
}

// programMagic are the first bytes of executables and scripts: Windows
// (MZ), Linux (ELF), Mach-O in both byte orders and fat, a shebang.
var programMagic = [][]byte{[]byte("MZ"), []byte("\x7fELF"), []byte("#!"),
	{0xCF, 0xFA, 0xED, 0xFE}, {0xCE, 0xFA, 0xED, 0xFE}, {0xFE, 0xED, 0xFA, 0xCF}, {0xFE, 0xED, 0xFA, 0xCE},
	{0xCA, 0xFE, 0xBA, 0xBE}}

// isProgram spots a program by its name or by its content, whatever it
// is called: a Java or Android archive is a zip with a manifest inside.
func isProgram(name string, head []byte, r io.ReaderAt, size int64) bool {
	if programNames[extension(name)] {
		return true
	}
	for _, m := range programMagic {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) && isAppArchive(r, size)
}

func isAppArchive(r io.ReaderAt, size int64) bool {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return false
	}
	for _, f := range z.File {
		switch f.Name {
		case "META-INF/MANIFEST.MF", "AndroidManifest.xml", "classes.dex":
			return true
		}
	}
	return false
}
