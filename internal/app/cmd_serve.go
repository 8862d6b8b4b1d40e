package app

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/serve"
	"newsgraph/internal/store/sqlite"
)

// serveFlags are the flags serve and demo share.
type serveFlags struct {
	db     string
	addr   string
	webDir string
	open   bool
}

func (f *serveFlags) register(cmd *cobra.Command, defaultDB string) {
	cmd.Flags().StringVar(&f.db, "db", defaultDB, "the store (SQLite file)")
	cmd.Flags().StringVar(&f.addr, "addr", "localhost:8080", "address to listen on, HOST:PORT (port 0 picks a free one)")
	cmd.Flags().StringVar(&f.webDir, "web.dir", "", "serve templates and static files from this directory (holding templates/ and static/) instead of the embedded ones, for development")
	cmd.Flags().BoolVar(&f.open, "open", false, "open the UI in a web browser")
}

func serveCmd(e *env) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and JSON API over a store",
		Long: `serve answers on --addr with the web UI (overview, search, articles,
actors, events, map) and the JSON API under /api/ (described at
/api/openapi.json) over the store --db, read-only. It stops gracefully on
Ctrl-C.`,
		Example: `  newsgraph serve --db news.db
  newsgraph serve --db news.db --addr 0.0.0.0:8080`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := sqlite.Open(ctx, f.db, sqlite.Options{ReadOnly: true, Log: e.log})
			if err != nil {
				return err
			}
			defer db.Close()
			return runServer(ctx, e, db, f)
		},
	}
	f.register(cmd, "newsgraph.db")
	return cmd
}

// runServer serves st until ctx is done.
func runServer(ctx context.Context, e *env, st serve.Store, f serveFlags) error {
	srv, err := serve.New(serve.Options{
		Store:   st,
		Log:     e.log,
		WebDir:  f.webDir,
		KB:      kb.Source{Dirs: e.kbDirs},
		Version: pipeline.Version,
	})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "newsgraph: serving %s (Ctrl-C to stop)\n", url)
	if f.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(e.stderr, "newsgraph: could not open a browser: %v\n", err)
		}
	}
	return serve.Serve(ctx, ln, srv, e.log, 5*time.Second)
}
