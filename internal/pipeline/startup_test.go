package pipeline_test

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/pipeline"
)

// BenchmarkNewCold builds the first pipeline of a fresh process, what
// every command pays before its first article: each iteration runs this
// test binary again (TestNewOnce) and reports the CPU time (user and
// system, the garbage collector's included) and wall time New took in
// it. CPU time is the figure to compare on a shared machine.
func BenchmarkNewCold(b *testing.B) {
	var cpu, wall time.Duration
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNewOnce$", "-test.count=1")
		cmd.Env = append(os.Environ(), newOnceEnv+"=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		var c, w int64
		if _, err := fmt.Sscanf(string(out[strings.Index(string(out), "new-cpu="):]), "new-cpu=%d new-wall=%d", &c, &w); err != nil {
			b.Fatalf("read %q: %v", out, err)
		}
		cpu += time.Duration(c)
		wall += time.Duration(w)
	}
	b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(wall.Microseconds())/1e3/float64(b.N), "wall-ms/op")
}

// newOnceEnv makes TestNewOnce run: BenchmarkNewCold sets it in the
// processes it starts.
const newOnceEnv = "NEWSGRAPH_TEST_NEW_ONCE"

// TestNewOnce builds one pipeline and prints the CPU and wall time New
// took, for BenchmarkNewCold; it skips unless that benchmark started it.
func TestNewOnce(t *testing.T) {
	if os.Getenv(newOnceEnv) == "" {
		t.Skip("run by BenchmarkNewCold")
	}
	cpu0, t0 := cpuTime(), time.Now()
	if _, err := pipeline.New(pipeline.Config{}); err != nil {
		t.Fatal(err)
	}
	wall, cpu := time.Since(t0), cpuTime()-cpu0
	fmt.Println("new-cpu=" + strconv.FormatInt(int64(cpu), 10) + " new-wall=" + strconv.FormatInt(int64(wall), 10))
}
