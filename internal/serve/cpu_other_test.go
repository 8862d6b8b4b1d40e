//go:build !linux

package serve_test

import "time"

// threadCPU is unknown here: it returns -1.
func threadCPU() time.Duration { return -1 }
