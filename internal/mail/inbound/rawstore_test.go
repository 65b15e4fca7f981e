package inbound_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/frontdesk/frontdesk/internal/blob"
	"github.com/frontdesk/frontdesk/internal/db"
	"github.com/frontdesk/frontdesk/internal/mail/inbound"
	"github.com/frontdesk/frontdesk/internal/testutil"
)

// A usual mail is kept in the database and takes no file; one over a
// megabyte goes to the blob store. Either way it is filed with its
// attachment and can be downloaded as it came.
func TestRawMailKeptInTheDatabaseOrAsAFile(t *testing.T) {
	testutil.Engines(t, func(t *testing.T, d *db.DB) {
		e := newEnv(t, d)
		ctx := context.Background()
		for _, c := range []struct {
			name   string
			size   int // of the attachment
			asFile bool
		}{{"small", 10 << 10, false}, {"large", 1200 << 10, true}} {
			raw := mailWithAttachment(c.name, c.size)
			res := e.deliver(raw)
			if res.Status != inbound.StatusProcessed {
				t.Fatalf("%s mail: %+v", c.name, res)
			}
			ms := e.messages(res.TicketID)
			if len(ms) != 1 || len(ms[0].Attachments) != 1 || ms[0].Attachments[0].Size != int64(c.size) {
				t.Fatalf("%s mail filed as %+v", c.name, ms)
			}
			_, err := os.Stat(e.s.Blobs.Path(blob.RefOf(raw).SHA256))
			if c.asFile != (err == nil) {
				t.Errorf("%s mail: raw file exists = %v, want %v", c.name, err == nil, c.asFile)
			}
			var inRow int
			_ = d.Read.QueryRow(`SELECT COUNT(*) FROM raw_mail_contents WHERE raw_mail_id = $1`, res.RawID).Scan(&inRow)
			if (inRow == 1) == c.asFile {
				t.Errorf("%s mail: %d rows of content, want it in the database = %v", c.name, inRow, !c.asFile)
			}
			got, err := e.in.Raw(ctx, res.RawID)
			if err != nil || !bytes.Equal(got, raw) {
				t.Errorf("%s mail: downloaded %d bytes (%v), want the %d taken in", c.name, len(got), err, len(raw))
			}
		}
		// Nothing but the large mail's raw file and the attachments.
		var files int
		_ = filepath.WalkDir(e.s.Blobs.Dir, func(_ string, de os.DirEntry, _ error) error {
			if de != nil && de.Type().IsRegular() {
				files++
			}
			return nil
		})
		if files != 3 {
			t.Errorf("%d files in the blob store, want 3 (one raw mail, two attachments)", files)
		}
	})
}

func mailWithAttachment(name string, size int) []byte {
	data := bytes.Repeat([]byte(name[:1]), size)
	b64 := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(b64) > 76 {
		lines, b64 = append(lines, b64[:76]), b64[76:]
	}
	lines = append(lines, b64)
	return []byte(strings.ReplaceAll(`From: Ann <ann@example.com>
To: support@localhost
Subject: The `+name+` report
Message-ID: <`+name+`@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

Here is the `+name+` report.
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="`+name+`.bin"
Content-Transfer-Encoding: base64

`+strings.Join(lines, "\n")+`
--b--
`, "\n", "\r\n"))
}
