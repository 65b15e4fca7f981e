package domain

import "testing"

func TestTextProblemAndClean(t *testing.T) {
	cases := []struct {
		in      string
		long    bool
		problem string
		clean   string
	}{
		{"plain words, ünïcode and emoji 🙂", false, "", "plain words, ünïcode and emoji 🙂"},
		{"tab\tand\r\nbreaks", true, "", "tab\tand\r\nbreaks"},
		{"tab\tand\nbreaks", false, msgControl, "tab and breaks"},
		{"nul\x00", true, msgControl, "nul"},
		{"esc\x1b[0m", true, msgControl, "esc[0m"},
		{"del\x7f", false, msgControl, "del"},
		{"c1\u0085", true, msgControl, "c1"},
		{"bad \xff byte", true, msgUTF8, "bad \uFFFD byte"},
	}
	for _, tc := range cases {
		if got := TextProblem(tc.in, tc.long); got != tc.problem {
			t.Errorf("TextProblem(%q, %v) = %q, want %q", tc.in, tc.long, got, tc.problem)
		}
		if got := Clean(tc.in, tc.long); got != tc.clean {
			t.Errorf("Clean(%q, %v) = %q, want %q", tc.in, tc.long, got, tc.clean)
		}
		if TextProblem(Clean(tc.in, tc.long), tc.long) != "" {
			t.Errorf("Clean(%q) is still refused", tc.in)
		}
	}
}
