// Command newsgraph turns English news into a queryable record of who did
// what to whom, who said what, where, when and how much.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"newsgraph/internal/app"
)

func main() {
	os.Exit(run())
}

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph:", err)
		return 1
	}
	return 0
}
