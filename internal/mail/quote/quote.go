// Package quote tells the new text of a mail from the history it quotes
// and the signature under it, so a thread can fold them away while the
// full text is kept.
package quote

import (
	"regexp"
	"strings"
)

// Parts is a mail body split in two: what the sender wrote now, and the
// quoted history or signature below it ("" when there is none).
type Parts struct {
	Fresh  string
	Quoted string
}

var (
	// "On Mon, 16 Nov 2026 at 10:00, Support <x> wrote:" and its kin in
	// other languages; mail clients may wrap it over two lines.
	attribution = regexp.MustCompile(`(?i)^(on|am|le|el|il|op|den|em)\b.{4,300}(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev|escreveu)[^:]{0,120}:\s*$`)
	wroteLine   = regexp.MustCompile(`(?i)^.{0,120}(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev|escreveu)[^:]{0,120}:\s*$`)
	separator   = regexp.MustCompile(`(?i)^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original)\s*-{2,}\s*$`)
	outlookFrom = regexp.MustCompile(`(?i)^\s*(from|von|de|da)\s*:\s+\S`)
	outlookNext = regexp.MustCompile(`(?i)^\s*(sent|date|gesendet|envoyé|enviado|to|an|à|subject|betreff)\s*:`)
	underscores = regexp.MustCompile(`^_{10,}\s*$`)
)

// Split finds where the history starts. Inline answers between quoted
// lines are new text, so a ">" block only counts when nothing but quotes
// follows it. When the history would be all of it, nothing is folded.
func Split(text string) Parts {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	cut := historyStart(lines)
	if cut < 0 {
		return Parts{Fresh: text}
	}
	fresh := strings.TrimRight(strings.Join(lines[:cut], "\n"), " \t\n")
	if strings.TrimSpace(fresh) == "" {
		return Parts{Fresh: text}
	}
	return Parts{Fresh: fresh, Quoted: strings.Trim(strings.Join(lines[cut:], "\n"), "\n")}
}

func historyStart(lines []string) int {
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "--" || line == "-- ":
			return i // the signature delimiter
		case attribution.MatchString(trimmed), separator.MatchString(trimmed), underscores.MatchString(trimmed):
			return i
		case i+1 < len(lines) && startsWithOn(trimmed) && wroteLine.MatchString(strings.TrimSpace(lines[i+1])):
			return i
		case outlookFrom.MatchString(trimmed) && i+1 < len(lines) && outlookNext.MatchString(lines[i+1]):
			return i
		case strings.HasPrefix(trimmed, ">") && onlyQuotesFrom(lines[i:]):
			return i
		}
	}
	return -1
}

func startsWithOn(s string) bool {
	return attribution.MatchString(s+" wrote:") && !wroteLine.MatchString(s)
}

func onlyQuotesFrom(lines []string) bool {
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, ">") {
			return false
		}
	}
	return true
}
