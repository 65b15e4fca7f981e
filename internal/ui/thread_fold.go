package ui

import "github.com/frontdesk/frontdesk/internal/mail/quote"

// Folded splits the message into its new text and the quoted history or
// signature below it, which the thread shows folded; the stored body stays
// whole.
func (m ThreadMessage) Folded() quote.Parts { return quote.Split(m.Body) }
