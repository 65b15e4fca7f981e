package parse

import (
	"bytes"
	"strings"
)

// DeliveryReport is what a delivery status notification (RFC 3464) says:
// which recipients it is about and what happened to them.
type DeliveryReport struct {
	ReportingMTA string
	// OriginalMessageID is the Message-ID of the mail that bounced, from
	// the returned message or its headers, so the bounce finds its ticket.
	OriginalMessageID string
	Recipients        []RecipientStatus
}

// RecipientStatus is one recipient block of a delivery report.
type RecipientStatus struct {
	Address    string // Final-Recipient, else Original-Recipient
	Action     string // failed, delayed, delivered, relayed, expanded
	Status     string // e.g. 5.1.1
	Diagnostic string // the remote server's answer, if given
}

// Failed lists the recipients the report says could not be reached.
func (d *DeliveryReport) Failed() []RecipientStatus {
	var out []RecipientStatus
	for _, r := range d.Recipients {
		if r.Action == "failed" {
			out = append(out, r)
		}
	}
	return out
}

// findDeliveryReport reads the first message/delivery-status part and the
// returned message next to it; nil when the mail is not a report.
func findDeliveryReport(root *part) *DeliveryReport {
	status, original := findReportParts(root)
	data := []byte(nil)
	if status != nil {
		data = status.data
	} else if root.mediaType == "multipart/report" {
		data = findStatusText(root)
	}
	if data == nil {
		return nil
	}
	d := parseDeliveryStatus(data)
	if original != nil {
		d.OriginalMessageID = firstID(original.text("Message-Id"))
	}
	return d
}

// findReportParts walks multiparts (not attached messages) for the status
// part and the returned message or headers.
func findReportParts(p *part) (status *part, original header) {
	switch {
	case p.mediaType == "message/delivery-status" || p.mediaType == "message/global-delivery-status":
		return p, nil
	case p.kind == kindMessage && len(p.children) > 0:
		return nil, p.children[0].header
	case p.mediaType == "text/rfc822-headers" || p.mediaType == "message/global-headers":
		fields, _, _ := readHeader(p.data, 0, nil, false)
		return nil, newHeader(fields)
	}
	for _, c := range p.children {
		if p.kind != kindMultipart {
			break
		}
		s, o := findReportParts(c)
		if status == nil {
			status = s
		}
		if original == nil {
			original = o
		}
	}
	return status, original
}

// findStatusText finds the status fields of a declared report whose
// structure was lost (no delimiter left to find its status part): the
// text from its Reporting-MTA, else its first Final-Recipient, field on.
func findStatusText(p *part) []byte {
	if len(p.children) == 0 {
		lower := bytes.ToLower(p.data)
		i := bytes.Index(lower, []byte("\nfinal-recipient:"))
		if i < 0 {
			return nil
		}
		if j := bytes.LastIndex(lower[:i], []byte("\nreporting-mta:")); j >= 0 {
			return p.data[j+1:]
		}
		return p.data[i:] // a blank per-message block, then the recipient
	}
	for _, c := range p.children {
		if data := findStatusText(c); data != nil {
			return data
		}
	}
	return nil
}

// parseDeliveryStatus reads the per-message block and then one block per
// recipient, each a header-like list of fields.
func parseDeliveryStatus(data []byte) *DeliveryReport {
	d := &DeliveryReport{}
	pos, first := 0, true
	for pos < len(data) {
		fields, next, _ := readHeader(data, pos, nil, false)
		if next <= pos {
			break
		}
		pos = next
		h := newHeader(fields)
		if first {
			d.ReportingMTA = afterType(h.text("Reporting-MTA"))
			first = false
			continue
		}
		if r := recipientOf(h); r.Address != "" {
			d.Recipients = append(d.Recipients, r)
		}
	}
	return d
}

func recipientOf(h header) RecipientStatus {
	addr := afterType(h.text("Final-Recipient"))
	if addr == "" {
		addr = afterType(h.text("Original-Recipient"))
	}
	return RecipientStatus{
		Address:    strings.Trim(addr, "<>"),
		Action:     strings.ToLower(strings.TrimSpace(h.text("Action"))),
		Status:     strings.TrimSpace(h.text("Status")),
		Diagnostic: afterType(h.text("Diagnostic-Code")),
	}
}

// afterType drops the "rfc822;" or "smtp;" type prefix of a DSN field.
func afterType(v string) string {
	if _, rest, found := strings.Cut(v, ";"); found {
		return strings.TrimSpace(rest)
	}
	return strings.TrimSpace(v)
}
