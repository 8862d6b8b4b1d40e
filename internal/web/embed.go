// Package web holds the web UI's assets: the html/template pages under
// templates/ and the stylesheet and icons under static/. They are embedded
// in the binary; a development server may read them from a directory
// instead (newsgraph serve --web.dir internal/web) to see edits without a
// rebuild.
package web

import (
	"embed"
	"io/fs"
	"os"
)

//go:embed templates static
var embedded embed.FS

// FS returns the assets: the embedded ones when dir is empty, else those
// under dir (a directory holding templates/ and static/).
func FS(dir string) fs.FS {
	if dir == "" {
		return embedded
	}
	return os.DirFS(dir)
}
