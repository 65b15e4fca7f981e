package parse

import (
	"strings"
	"unicode/utf16"
)

// decodeUTF7 decodes RFC 2152 UTF-7, which Outlook used for some mail and
// golang.org/x/text does not provide. Malformed shifts are kept as text.
func decodeUTF7(b []byte) string {
	var sb strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] != '+' {
			sb.WriteByte(b[i])
			continue
		}
		j := i + 1
		for j < len(b) && utf7Value(b[j]) >= 0 {
			j++
		}
		if j == i+1 {
			// "+-" is a literal plus; a lone "+" stays as it is.
			sb.WriteByte('+')
			if j < len(b) && b[j] == '-' {
				i = j
			}
			continue
		}
		sb.WriteString(decodeUTF7Run(b[i+1 : j]))
		if j < len(b) && b[j] == '-' {
			j++
		}
		i = j - 1
	}
	return sb.String()
}

// decodeUTF7Run decodes the modified base64 between "+" and "-" as UTF-16.
func decodeUTF7Run(run []byte) string {
	var units []uint16
	var acc, bits uint32
	for _, c := range run {
		acc = acc<<6 | uint32(utf7Value(c))
		bits += 6
		if bits >= 16 {
			bits -= 16
			units = append(units, uint16(acc>>bits))
			acc &= 1<<bits - 1
		}
	}
	return string(utf16.Decode(units))
}

func utf7Value(c byte) int {
	return base64Value(c)
}
