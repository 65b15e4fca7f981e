package parse

import (
	"html"
	"regexp"
	"strings"
)

var (
	htmlHidden  = regexp.MustCompile(`(?is)<(script|style|head|title)\b.*?</(script|style|head|title)\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>`)
	htmlTag     = regexp.MustCompile(`(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<[!?/][^>]*>`)
	htmlBlanks  = regexp.MustCompile(`[ \t\r\n\f]+`)
	blankLines  = regexp.MustCompile(`\n[ \t]*\n([ \t]*\n)+`)
	spaceBefore = regexp.MustCompile(`[ \t]+\n`)
)

// blockTags start a new line in the text version of an HTML body.
var blockTags = map[string]string{
	"br": "\n", "p": "\n\n", "div": "\n", "tr": "\n", "li": "\n- ",
	"h1": "\n\n", "h2": "\n\n", "h3": "\n\n", "h4": "\n\n", "h5": "\n\n", "h6": "\n\n",
	"blockquote": "\n", "pre": "\n", "table": "\n", "ul": "\n", "ol": "\n",
	"hr": "\n---\n", "dd": "\n", "dt": "\n", "address": "\n", "section": "\n",
	"article": "\n", "header": "\n", "footer": "\n", "td": " ", "th": " ",
}

// htmlToText renders HTML as readable plain text: hidden elements dropped,
// blocks on their own lines, white space collapsed as a browser would,
// entities decoded.
func htmlToText(s string) string {
	s = htmlHidden.ReplaceAllString(s, " ")
	var sb strings.Builder
	last := 0
	for _, m := range htmlTag.FindAllStringSubmatchIndex(s, -1) {
		sb.WriteString(htmlBlanks.ReplaceAllString(s[last:m[0]], " "))
		last = m[1]
		if m[4] < 0 {
			continue
		}
		name := strings.ToLower(s[m[4]:m[5]])
		if sep, ok := blockTags[name]; ok {
			if m[3] > m[2] && sep != " " { // a closing tag only ends the line
				sep = map[bool]string{true: "", false: "\n"}[name == "li"]
			}
			sb.WriteString(sep)
		}
	}
	sb.WriteString(htmlBlanks.ReplaceAllString(s[last:], " "))
	text := html.UnescapeString(sb.String())
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = spaceBefore.ReplaceAllString(text, "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, " ")
	}
	text = blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	return strings.TrimSpace(text)
}

// textToHTML shows plain text as HTML: escaped, line breaks kept.
func textToHTML(s string) string {
	if s == "" {
		return ""
	}
	s = html.EscapeString(s)
	return "<div dir=\"auto\">" + strings.ReplaceAll(s, "\n", "<br>\n") + "</div>"
}
