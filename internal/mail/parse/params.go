package parse

import (
	"sort"
	"strconv"
	"strings"
)

// parseParams splits a Content-Type or Content-Disposition value into its
// lower-case main value and its parameters. It accepts what mailers really
// send: missing semicolons, unclosed quotes, encoded words inside values,
// and RFC 2231 continuations and charsets.
func parseParams(v string, hs hints) (string, map[string]string) {
	main := v
	if i := strings.IndexAny(v, "; \t"); i >= 0 {
		main, v = v[:i], v[i:]
	} else {
		v = ""
	}
	if strings.Contains(main, "=") {
		main, v = "", main+v
	}
	raw := scanParams(v)
	if len(raw) == 0 {
		return strings.ToLower(main), nil
	}
	return strings.ToLower(main), joinParams(raw, hs)
}

// rawParam is one name=value as written, before RFC 2231 joining.
type rawParam struct {
	name, value string
}

func scanParams(s string) []rawParam {
	var out []rawParam
	for {
		s = strings.TrimLeft(s, "; \t")
		eq := strings.IndexAny(s, "=;")
		if eq < 0 {
			return out
		}
		if s[eq] == ';' {
			s = s[eq:]
			continue
		}
		name := strings.ToLower(strings.TrimSpace(s[:eq]))
		if i := strings.LastIndexAny(name, " \t"); i >= 0 {
			name = name[i+1:] // junk before the name: keep the last word
		}
		var value string
		value, s = scanValue(strings.TrimLeft(s[eq+1:], " \t"))
		if name != "" {
			out = append(out, rawParam{name, value})
		}
	}
}

// scanValue reads a quoted string (backslash escapes undone) or a token,
// which ends at ";" or where the next "name=" starts after white space.
func scanValue(s string) (value, rest string) {
	if strings.HasPrefix(s, `"`) {
		var sb strings.Builder
		for i := 1; i < len(s); i++ {
			switch {
			case s[i] == '\\' && i+1 < len(s):
				i++
				sb.WriteByte(s[i])
			case s[i] == '"':
				return sb.String(), s[i+1:]
			default:
				sb.WriteByte(s[i])
			}
		}
		return sb.String(), ""
	}
	end := valueEnd(s)
	return strings.TrimSpace(s[:end]), s[end:]
}

// valueEnd finds where an unquoted value stops: at ";" or at white space
// followed by "token=", the next parameter of a list missing semicolons.
func valueEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ';' {
			return i
		}
		if s[i] != ' ' && s[i] != '\t' {
			continue
		}
		j := i + 1
		for j < len(s) && isTokenChar(s[j]) {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == '=' {
			return i
		}
	}
	return len(s)
}

func isTokenChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '*' || c == '.'
}

// joinParams applies RFC 2231: "name*0*", "name*1" pieces are joined in
// order, "*" pieces are percent-decoded in the charset the first names.
// Plain values get RFC 2047 decoding, which many mailers use instead.
func joinParams(raw []rawParam, hs hints) map[string]string {
	pieces := map[string][]piece{}
	params := map[string]string{}
	for _, p := range raw {
		name, rest, found := strings.Cut(p.name, "*")
		if !found {
			if _, seen := params[name]; !seen {
				params[name] = decodeWords(p.value, hs)
			}
			continue
		}
		pc := piece{extended: strings.HasSuffix(rest, "*") || rest == ""}
		pc.index, _ = strconv.Atoi(strings.TrimSuffix(rest, "*"))
		pc.value = p.value
		pieces[name] = append(pieces[name], pc)
	}
	for name, list := range pieces {
		params[name] = joinPieces(list, hs)
	}
	return params
}

// piece is one part of an RFC 2231 parameter: "name*index" or "name*index*".
type piece struct {
	index    int
	extended bool // percent-encoded, the first one led by charset'language'
	value    string
}

func joinPieces(list []piece, hs hints) string {
	sort.SliceStable(list, func(i, j int) bool { return list[i].index < list[j].index })
	charset, buf := "", []byte{}
	for i, pc := range list {
		v := pc.value
		if i == 0 && pc.extended && strings.Count(v, "'") >= 2 {
			parts := strings.SplitN(v, "'", 3)
			charset, v = parts[0], parts[2]
		}
		if pc.extended {
			buf = append(buf, percentDecode(v)...)
		} else {
			buf = append(buf, v...)
		}
	}
	return decodeWords(decodeCharset(buf, charset, hs), hs)
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}
