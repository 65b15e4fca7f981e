// Package web holds the agent app's templates and static files, embedded
// in the binary so one file is the whole install.
package web

import (
	"embed"
	"io/fs"
)

//go:embed templates/*.html
var templates embed.FS

//go:embed static
var static embed.FS

// Templates is the html/template sources, at the root of the FS.
var Templates = sub(templates, "templates")

// Static is the CSS, JavaScript and vendored files, at the root of the FS.
var Static = sub(static, "static")

func sub(f embed.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // dir is a constant beside the embed line
	}
	return s
}
